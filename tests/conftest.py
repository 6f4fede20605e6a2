"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "data" / "gold"
SHARED_SCHEMA = ROOT.parent / "shared" / "schema" / "graphml" / "graphml.xsd"


@pytest.fixture(scope="session")
def nlp():
    """The full extraction pipeline, loaded once (the one `coopgraph` commands use too)."""
    from extract.pipeline import shared_pipeline

    return shared_pipeline()


@pytest.fixture(scope="session")
def seed_results(nlp):
    """The extraction results of the two seed articles, computed once."""
    from extract import extract_documents
    from extract.inputs.readers import read_documents

    return [r.to_dict() for r in extract_documents(nlp, read_documents([SEEDS]))]


@pytest.fixture(scope="session")
def graphml_schema():
    """The official GraphML schema, or a skip where `../shared/` is absent."""
    if not SHARED_SCHEMA.exists():
        pytest.skip("../shared/schema/graphml/ is not beside the checkout")
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(SHARED_SCHEMA)))
