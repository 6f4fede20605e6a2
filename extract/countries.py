"""Countries: every sovereign state by its French names, variants and demonyms.

The ruler is spaCy's own `SpanRuler`, fed with phrase patterns built from the
`countries` lexicon (matched on lower case, with and without accents). Each match lands
in `doc.spans["coopgraph_countries"]` with label `COUNTRY` (a name) or `DEMONYM` (an
adjective or noun of nationality) and the ISO 3166-1 alpha-2 code in `span.id_`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.language import Language
from spacy.pipeline import SpanRuler

from .lexicon import read_lexicon, strip_accents

SPANS_KEY = "coopgraph_countries"


def country_patterns(rows: tuple[dict[str, Any], ...]) -> Iterator[dict[str, str]]:
    """Yield SpanRuler phrase patterns for the names and demonyms of each country row."""
    for row in rows:
        for label, forms in (("COUNTRY", [row["name"], *row["variants"]]), ("DEMONYM", row["demonyms"])):
            seen = set()
            for form in forms:
                for variant in (form, strip_accents(form)):
                    if variant.lower() not in seen:
                        seen.add(variant.lower())
                        yield {"label": label, "pattern": variant, "id": row["code"]}


@Language.factory(
    "coopgraph_countries",
    assigns=["doc.spans"],
    default_config={"spans_key": SPANS_KEY},
)
def make_country_ruler(nlp: Language, name: str, spans_key: str) -> SpanRuler:
    """Build a SpanRuler that finds country names and demonyms (ISO code in `span.id_`)."""
    ruler = SpanRuler(nlp, name, spans_key=spans_key, phrase_matcher_attr="LOWER")
    ruler.add_patterns(list(country_patterns(read_lexicon("countries"))))
    return ruler
