"""Shared fixtures: the pipeline is loaded once per test session, each module's sentences
are processed once, and the GraphML schema is read from `tests/data/graphml/`."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "data" / "gold"
GRAPHML_SCHEMA = Path(__file__).resolve().parent / "data" / "graphml" / "graphml.xsd"


@pytest.fixture(scope="session")
def nlp():
    """The full extraction pipeline, loaded once (the one `coopgraph` commands use too)."""
    from extract.pipeline import shared_pipeline

    return shared_pipeline()


@pytest.fixture(scope="module")
def docs(request, nlp):
    """Each sentence of the test module → its Doc, processed once for the module.

    The sentences are the module's `TEXTS`, else the first item of each of its `CASES`.
    """
    module = request.module
    texts = getattr(module, "TEXTS", None) or [case[0] for case in module.CASES]
    return dict(zip(texts, nlp.pipe(texts), strict=True))


@pytest.fixture(scope="module")
def relations_of(docs):
    """Each sentence of the test module → the relations the pipeline extracts from it."""
    return {text: doc._.coopgraph_relations for text, doc in docs.items()}


@pytest.fixture(scope="session")
def seed_results(nlp):
    """The extraction results of the two seed articles, computed once."""
    from extract import extract_documents
    from extract.inputs import read_documents

    return [r.to_dict() for r in extract_documents(nlp, read_documents([SEEDS]))]


@pytest.fixture(scope="session")
def graphml_schema():
    """The official GraphML schema (a copy in `tests/data/graphml/`, see SOURCES.md there)."""
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(GRAPHML_SCHEMA)))
