"""The one module that declares our `Doc` extensions (all prefixed `coopgraph_`)."""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = {
    # Character ranges [(start, end), ...] of page-furniture lines ("Lire aussi", teasers).
    "coopgraph_furniture": None,
    # Candidate country spans found by the country ruler, before resolution.
    "coopgraph_mentions": None,
    "coopgraph_entities": None,
    "coopgraph_relations": None,
}


def register_extensions() -> None:
    """Declare the `Doc._.coopgraph_*` attributes, once per process."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
