"""The word lists relation extraction reads, loaded once from `extract/data/`.

- `triggers`: words that state a relation (with the roles that mark a partner),
- `conflict_verbs`: verbs whose subject is a side of the conflict it lives ("traverser"),
- `affiliation_heads`: nouns naming a post ("chef", "ministre", "homologue"),
- `modality`: negation and hedging markers,
- `capitals`: capitals that stand for their government ("la mission de Tel-Aviv"),
- `combining_forms`: first parts of compound demonyms ("franco-allemande"),
- `bystander_heads`: nouns for people whose demonym says where they come from, not
  which state acts ("la presse marocaine", "des touristes français").

Every table is keyed by `fold(word)`, so "Entraînés" and "entrainés" meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicon import read_lexicon, strip_accents

# Case markers folded to the role name the `partners` field of a trigger uses.
CASE_ROLES = {
    "a": "à", "au": "à", "aux": "à",
    "de": "de", "du": "de", "des": "de", "d'": "de",
    "en": "en", "avec": "avec", "entre": "entre", "contre": "contre", "face": "face",
    "sans": "sans", "par": "par",
}  # fmt: skip


def fold_text(text: str) -> str:
    """Return the matching key of a text: lower case, no accents, straight apostrophes."""
    return strip_accents(text).lower().replace("’", "'").replace("œ", "oe").replace("æ", "ae")


# Words repeat, sentences do not: only words go through the cache.
fold = lru_cache(maxsize=65536)(fold_text)
fold.__doc__ = "Return the matching key of a word (cached `fold_text`)."


@dataclass(frozen=True)
class Trigger:
    """A word that states a relation, and how its parties are marked."""

    lemma: str
    relation: str
    pos: str  # "noun", "verb" or "adj": the same form can be two ("aide", "menace")
    partners: frozenset[str]  # roles beyond "avec"/"entre": "obj", "à", "de", "en"
    mutual: bool  # coordinated agents relate to each other ("Le Maroc et le Qatar coopèrent")
    reflexive: bool = False  # only with "se" ("s'est rendu en Libye", not "a rendu hommage")
    visit: bool = False  # the partner is a destination: a capital there is a place
    objects: frozenset[str] = frozenset()  # if set, the object must name one ("vendre des armes")
    excluded_objects: frozenset[str] = frozenset()  # an object naming one undoes it ("tirs")
    heads: frozenset[str] = frozenset()  # an adjective's nouns, if not all ("opération commune")
    object_group: bool = False  # its objects meet each other ("la rencontre a réuni X et Y")
    intransitive: bool = False  # only with no object: "lié à X", not "lie des agents à X"


@dataclass(frozen=True)
class Modality:
    """Negation and hedging markers, as folded words."""

    negating_verbs: frozenset[str]
    ending_objects: frozenset[str]  # "mettre fin à", "mettre un terme à"
    source_markers: frozenset[str]  # "selon", "d'après": a sentence's source, not a party
    confirming_verbs: frozenset[str]
    negation_adverbs: frozenset[str]
    needs_ne: frozenset[str]
    negation_determiners: frozenset[str]
    negation_cases: frozenset[str]
    conditionals: frozenset[str]
    hedge_phrases: re.Pattern[str]
    dispositions: frozenset[str] = frozenset()  # "prêt à", "ouvert à": a readiness, no act


def row_forms(row: dict) -> list[str]:
    """Return every word form a lexicon row lists (its lemma included)."""
    return [row["lemma"], *row.get("extra_forms", []), *row.get("forms", [])]


@cache
def trigger_table() -> dict[str, dict[str, Trigger]]:
    """Return folded word form → part of speech → trigger."""
    table: dict[str, dict[str, Trigger]] = {}
    for row in read_lexicon("triggers"):  # rows checked on reading (`extract.lexicon`)
        trigger = Trigger(
            lemma=row["lemma"],
            relation=row["relation"],
            pos=row["pos"],
            partners=frozenset(row.get("partners", [])),
            mutual=bool(row.get("mutual", False)),
            reflexive=bool(row.get("reflexive", False)),
            visit=bool(row.get("visit", False)),
            objects=frozenset(fold(word) for word in row.get("objects", [])),
            excluded_objects=frozenset(fold(w) for w in row.get("excluded_objects", [])),
            heads=frozenset(fold(word) for word in row.get("heads", [])),
            object_group=bool(row.get("object_group", False)),
            intransitive=bool(row.get("intransitive", False)),
        )
        for form in row_forms(row):
            table.setdefault(fold(form), {}).setdefault(trigger.pos, trigger)
    return table


@cache
def object_control_verbs() -> frozenset[str]:
    """Return the folded verbs whose object does the infinitive after them.

    « La France a demandé au Mali de coopérer avec X »: the Mali cooperates, not France.
    """
    return frozenset(
        fold(form) for row in read_lexicon("object_control_verbs") for form in row_forms(row)
    )


@cache
def request_verbs() -> frozenset[str]:
    """Return the folded object-control verbs that ask for the act, not make it happen.

    « a demandé au Mali de coopérer » asks (hedged); « a aidé le Mali à signer » (`done`
    rows) says the signing took place.
    """
    return frozenset(
        fold(form)
        for row in read_lexicon("object_control_verbs")
        if not row.get("done")
        for form in row_forms(row)
    )


@cache
def conflict_verbs() -> frozenset[str]:
    """Return the folded verbs whose subject lives a conflict as one of its sides.

    "X et Y traversent une crise", "mènent une guerre": X and Y are its sides; "X et Y
    condamnent la guerre" makes them onlookers.
    """
    return frozenset(
        fold(form) for row in read_lexicon("conflict_verbs") for form in row_forms(row)
    )


@cache
def affiliation_heads() -> frozenset[str]:
    """Return the folded nouns that name a post someone holds in an organisation or state."""
    return frozenset(
        fold(form) for row in read_lexicon("affiliation_heads") for form in row_forms(row)
    )


@cache
def combining_forms() -> dict[str, str]:
    """Return the folded first parts of compound demonyms → ISO code ("franco" → "FR")."""
    return {fold(row["form"]): row["code"] for row in read_lexicon("combining_forms")}


@cache
def demonym_table() -> dict[str, str]:
    """Return folded demonym → ISO code; a demonym two states share goes to its usual one.

    The usual reading is the state for which it is not a `secondary_demonyms` form
    ("congolais": RDC), as the countries component reads it.
    """
    table: dict[str, str] = {}
    rows = read_lexicon("countries")
    for primary in (True, False):
        for row in rows:
            secondary = set(row.get("secondary_demonyms", ()))
            for form in row.get("demonyms", []):
                if (form in secondary) != primary:
                    table.setdefault(fold(form), row["code"])
    return table


@cache
def bystander_heads() -> frozenset[str]:
    """Return the folded nouns whose demonyms and "de" complements do not stand for a party.

    « s'est entretenu avec la presse marocaine »: the press is not the Moroccan state.
    """
    return frozenset(
        fold(form) for row in read_lexicon("bystander_heads") for form in row_forms(row)
    )


@cache
def modality() -> Modality:
    """Return the negation and hedging markers of the `modality` lexicon."""
    kinds: dict[str, set[str]] = {}
    needs_ne = set()
    for row in read_lexicon("modality"):
        forms = row_forms(row) if "lemma" in row else [row["word"]]
        kinds.setdefault(row["kind"], set()).update(fold(f) for f in forms)
        if row.get("needs_ne"):
            needs_ne.update(fold(f) for f in forms)
    phrases = sorted(kinds.get("hedge_phrase", ()), key=len, reverse=True)
    return Modality(
        negating_verbs=frozenset(kinds.get("negating_verb", ())),
        ending_objects=frozenset(kinds.get("ending_object", ())),
        source_markers=frozenset(kinds.get("source_marker", ())),
        confirming_verbs=frozenset(kinds.get("confirming_verb", ())),
        negation_adverbs=frozenset(kinds.get("negation_adverb", ())),
        needs_ne=frozenset(needs_ne),
        negation_determiners=frozenset(kinds.get("negation_determiner", ())),
        negation_cases=frozenset(kinds.get("negation_case", ())),
        conditionals=frozenset(kinds.get("conditional", ())),
        dispositions=frozenset(kinds.get("disposition", ())),
        hedge_phrases=re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b"),
    )


@cache
def country_names() -> dict[str, str]:
    """Return ISO code → usual French short name of a country."""
    return {row["code"]: row["name"] for row in read_lexicon("countries")}


@cache
def capitals() -> dict[str, str]:
    """Return folded capital name (hyphens as spaces) → ISO code of its country."""
    table = {}
    for row in read_lexicon("capitals"):
        for name in [row["name"], *row.get("variants", [])]:
            table[capital_key(name)] = row["code"]
    return table


def capital_key(text: str) -> str:
    """Return the key a place name is looked up by ("Tel-Aviv" and "Tel Aviv" meet)."""
    return " ".join(fold(text).replace("-", " ").split())
