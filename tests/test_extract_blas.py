"""The model multiplies with numpy's BLAS, on one thread, and gives what BLIS gives."""

from __future__ import annotations

import pytest
import spacy
from threadpoolctl import threadpool_info

from extract.blas import one_blas_thread
from extract.engine.documents import extract_group
from extract.pipeline import MODEL, MODEL_COMPONENTS  # registers our factories too
from extract.records import Document

SENTENCES = [
    "Le ministre marocain de l'Intérieur, Abdelouafi Laftit, a reçu vendredi à Rabat "
    "son homologue espagnol Fernando Grande-Marlaska.",
    "La DGSN et le FBI ont renforcé leur coopération dans la lutte contre le terrorisme.",
    "Selon Al Jazeera, le Qatar a proposé sa médiation entre Israël et le Hamas.",
    "Cheikh Abdallah Ben Khalifa Al-Khalifa a rencontré les responsables de la police "
    "nationale à Doha.",
    "L'Union européenne et l'Algérie ont signé un mémorandum d'entente sur l'énergie.",
]


def blas_threads() -> set[int]:
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


@pytest.fixture(scope="module")
def blis_model():
    """The same model components, built with thinc's default ops (BLIS).

    With the sentence bounds the parser is given in the pipeline, so parses compare.
    """
    model = spacy.load(MODEL, config={"nlp": {"pipeline": MODEL_COMPONENTS, "disabled": []}})
    model.add_pipe("coopgraph_sentence_bounds", first=True)
    return model


def test_the_pipeline_models_use_numpy_blas(nlp, blis_model):
    for name in MODEL_COMPONENTS:
        assert nlp.get_pipe(name).model.ops.use_blis is False
        assert blis_model.get_pipe(name).model.ops.use_blis is True


def test_numpy_blas_gives_the_entities_and_parses_of_blis(nlp, blis_model):
    for ours, theirs in zip(nlp.pipe(SENTENCES), blis_model.pipe(SENTENCES), strict=True):
        assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in theirs.ents]
        assert [(t.head.i, t.dep_) for t in ours] == [(t.head.i, t.dep_) for t in theirs]


def test_one_blas_thread_limits_then_restores():
    before = blas_threads()
    with one_blas_thread():
        assert blas_threads() == {1}
    assert blas_threads() == before


def test_extract_group_runs_the_model_on_one_blas_thread(nlp, monkeypatch):
    seen = []
    pipe = nlp.pipe

    def recording_pipe(*args, **kwargs):
        seen.append(blas_threads())
        yield from pipe(*args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", recording_pipe)
    [result] = extract_group(nlp, [Document(id="a", text=SENTENCES[1])])
    assert seen and all(threads == {1} for threads in seen)  # as_tuples calls pipe again
    assert result.id == "a"
