"""Worker processes: same results as one process, in input order, model loaded per worker."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from extract.engine import extract_documents
from extract.engine.documents import groups
from extract.engine.parallel import ordered_map, pipeline_name
from extract.errors import OptionError
from extract.records import Document

TEXTS = [
    "Le Maroc et le Qatar ont signé un accord de coopération sécuritaire.",
    "La France et l’Algérie ont renforcé leur coopération policière.",
    "Le Sénégal et le Maroc ont signé mardi à Dakar un accord de coopération sur la pêche.",
    "L’Espagne coopère avec le Portugal dans la lutte contre les incendies de forêt.",
    "La Tunisie et l’Égypte ont conclu un partenariat dans le domaine de l’énergie.",
]


def test_two_workers_give_the_results_of_one_process_in_order(nlp):
    documents = [Document(id=f"d{n:02d}", text=text) for n, text in enumerate(TEXTS * 2)]
    one = [r.to_dict() for r in extract_documents(nlp, documents, jobs=1, group_size=2)]
    two = [r.to_dict() for r in extract_documents(None, documents, jobs=2, group_size=2)]
    assert [r["id"] for r in two] == [d.id for d in documents]
    assert two == one
    assert {e["id"] for e in one[0]["entities"]} == {"country:MA", "country:QA"}


def test_input_that_fits_one_group_runs_without_workers(nlp, monkeypatch):
    monkeypatch.setattr("extract.engine.parallel.extract_parallel", None)  # would fail if called
    results = list(extract_documents(nlp, TEXTS[:2], jobs=2))
    assert [r.id for r in results] == ["doc-0001", "doc-0002"]


def test_ordered_map_keeps_the_order_with_a_bounded_window():
    with ThreadPoolExecutor(2) as pool:
        assert list(ordered_map(pool.submit, pow, range(7), 2, window=3)) == [
            0,
            1,
            4,
            9,
            16,
            25,
            36,
        ]


def test_groups_cut_the_stream():
    assert [len(g) for g in groups(iter(range(5)), 2)] == [2, 2, 1]


def test_workers_cannot_rebuild_a_pipeline_of_your_own():
    import spacy

    with pytest.raises(
        OptionError,
        match=r"jobs > 1 \(or engine='dask'\) needs nlp=None or a pipeline from extract",
    ):
        pipeline_name(spacy.blank("fr"))


def test_jobs_must_be_positive(nlp):
    with pytest.raises(ValueError, match="jobs must be at least 1, not 0"):
        list(extract_documents(nlp, TEXTS, jobs=0))


def test_the_string_store_does_not_grow_with_the_corpus(nlp):
    documents = [
        Document(id=f"d{n}", text=f"{text} Réf. {n * 7919}") for n, text in enumerate(TEXTS * 4)
    ]
    list(extract_documents(nlp, documents[:4], group_size=2))
    before = len(nlp.vocab.strings)
    list(extract_documents(nlp, documents, group_size=2))
    assert len(nlp.vocab.strings) == before


def test_a_lone_surrogate_in_a_python_string_does_not_stop_the_run(nlp):
    from extract import extract_documents

    text = "Le Maroc et le Qatar ont signé un accord de coopération \ud800."
    [result] = list(extract_documents(nlp, [text]))
    assert [(r.source, r.target, r.type) for r in result.relations] == [
        ("country:MA", "country:QA", "cooperation")
    ]
    assert "\ud800" not in result.relations[0].sentence
