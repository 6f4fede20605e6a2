"""Entity resolution inside one document: every way of naming an entity, one entity.

Rules, in the order they apply:
- a country, whatever names it (name, variant, demonym), is `country:<ISO code>`; a
  demonym two states share ("congolais") is the one of them the document names, else
  the usual one;
- an acronym defined in the text ("Direction générale de la sécurité nationale (DGSN)")
  and its long form are one organisation, `org:<acronym>`, wherever either appears;
- the same organisation or place name, up to case, accents and articles, is one entity;
- a surname or first name used alone is the full name met in the same document
  ("Hammouchi" → "Abdellatif Hammouchi"), when exactly one full name fits; the model
  sometimes tags such a lone surname as a place or organisation: it is the person too;
- a full name is `person:<slug>`, so the same name in two documents is one node.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..lexicon import read_lexicon, slugify, strip_accents
from ..prerequisites import PrerequisiteCheck, has_ner
from ..records import Entity, Mention
from ..tokens import Lexicon, TokenTable, sentence_numbers
from .acronyms import (
    acronym_definitions,
    common_noun_acronyms,
    long_form_candidates,
    names_organisation,
)
from .countries import SPANS_KEY
from .mentions import Candidate, find_candidates, is_acronym
from .organisations import base as organisation_base

# Words between an organisation's name and its state's: « Commission électorale du Royaume-Uni ».
LINK_WORDS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "l'", "l’"})
ID_PREFIX = {
    "person": "person",
    "organization": "org",
    "country": "country",
    "location": "location",
}
TYPE_OF_PREFIX = {prefix: kind for kind, prefix in ID_PREFIX.items()}


def country_names() -> dict[str, str]:
    """Return ISO code → usual French short name."""
    return {row["code"]: row["name"] for row in read_lexicon("countries")}


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Return the comparison key of a name: no accents, case, articles or punctuation."""
    return slugify(text)


def in_ranges(start: int, ranges: list[tuple[int, int]]) -> bool:
    """Return True when character `start` falls in one of `ranges`."""
    return any(a <= start < b for a, b in ranges)


def has_countries(doc: Doc) -> bool:
    """Return True when `coopgraph_countries` has run on `doc` (even finding no country)."""
    return SPANS_KEY in doc.spans


class EntityResolver:
    """Turn candidate mentions into `doc._.coopgraph_mentions` and `doc._.coopgraph_entities`."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        self.countries = country_names()
        self.organisations = organisation_base()
        self.lexicon = Lexicon(nlp.vocab)
        self.check = PrerequisiteCheck(
            name,
            [
                (
                    has_countries,
                    "coopgraph_countries",
                    "countries are taken for places (location:maroc) and demonyms are missed",
                ),
                (has_ner, "ner", "only countries are found (no person, no organisation)"),
            ],
        )

    def __call__(self, doc: Doc) -> Doc:
        self.check(doc)
        tokens = TokenTable(doc, self.lexicon)
        definitions, common = [], set()
        for definition in acronym_definitions(doc, tokens):
            # An acronym of a phrase no organisation noun heads abbreviates a common noun.
            long_form = tokens.span_text(definition.start, definition.end)
            kb = self.organisations
            if (
                names_organisation(long_form)
                or kb.options(long_form)
                or kb.options(definition.acronym)
            ):
                definitions.append(definition)
            else:
                common.add(definition.acronym)
        candidates = find_candidates(
            doc,
            long_form_candidates(definitions),
            tokens,
            common=frozenset(common | common_noun_acronyms(tokens)),
            defined=frozenset(d.acronym for d in definitions),
        )
        full_names = self.full_names(tokens, candidates)
        candidates = [
            c
            for c in candidates
            if c.type != "misc" or lone_name_fit(tokens.span_text(c.start, c.end), full_names)
        ]
        acronym_of = {}
        # A known organisation's id goes to every name the text ties to it: the acronym
        # it defines for a known name, the name it gives a known acronym.
        known = {
            name_key(tokens.span_text(c.start, c.end)): c.key
            for c in candidates
            if c.type == "organization" and c.key
        }
        for definition in definitions:
            long_form = tokens.span_text(definition.start, definition.end)
            acronym_of[name_key(long_form)] = definition.acronym
            acronym_of[name_key(definition.acronym)] = definition.acronym
            org_id = known.get(name_key(long_form)) or known.get(name_key(definition.acronym))
            if org_id:
                acronym_of[name_key(long_form)] = acronym_of[name_key(definition.acronym)] = org_id
        keys = self.entity_keys(tokens, candidates, acronym_of)
        sent_of = sentence_index(doc)
        furniture = doc._.coopgraph_furniture or []
        mentions = []
        for cand, key in zip(candidates, keys, strict=True):
            # Candidates are never empty, so these are the span's text and offsets.
            start_char = tokens.starts[cand.start]
            mentions.append(
                Mention(
                    text=tokens.span_text(cand.start, cand.end),
                    start_char=start_char,
                    end_char=tokens.ends[cand.end - 1],
                    sent=sent_of[cand.start],
                    type=TYPE_OF_PREFIX[key.split(":", 1)[0]],
                    entity=key,
                    furniture=in_ranges(start_char, furniture),
                )
            )
        doc._.coopgraph_mentions = mentions
        doc._.coopgraph_entities = self.entities(mentions)
        return doc

    def entity_keys(
        self, tokens: TokenTable, candidates: list[Candidate], acronym_of: dict[str, str]
    ) -> list[str]:
        """Return the canonical entity id of each candidate, in order."""
        full_names = self.full_names(tokens, candidates)
        named_codes = {c.key for c in candidates if c.type == "country" and not c.demonym}
        keys = []
        for cand in candidates:
            text = tokens.span_text(cand.start, cand.end)
            if cand.type == "country":
                keys.append(f"country:{pick_code(cand.key, named_codes)}")
            elif cand.type in ("person", "misc") or (
                is_lone_name(text) and lone_name_fit(text, full_names)
            ):
                keys.append(f"person:{person_key(text, full_names)}")
            elif cand.type == "organization" and cand.key:
                keys.append(cand.key)  # a known organisation
            elif cand.type == "organization":
                base = acronym_of.get(name_key(text), text)
                if base.startswith("org:"):
                    keys.append(base)
                else:
                    keys.append(f"org:{state_qualified_key(tokens, cand, candidates, base)}")
            else:
                keys.append(f"{ID_PREFIX[cand.type]}:{name_key(text)}")
        return short_forms(tokens, candidates, keys)

    @staticmethod
    def full_names(tokens: TokenTable, candidates: list[Candidate]) -> dict[str, str]:
        """Return slug → text of the multi-word person names of the document."""
        names = {}
        for cand in candidates:
            if cand.type != "person":
                continue
            text = tokens.span_text(cand.start, cand.end)
            if len(text.split()) > 1:
                names[name_key(text)] = text
        return names

    def entities(self, mentions: list[Mention]) -> list[Entity]:
        """Group mentions by entity id into `Entity` records, in order of first mention."""
        grouped: dict[str, list[Mention]] = defaultdict(list)
        for mention in mentions:
            grouped[mention.entity].append(mention)
        return [self.entity(key, group) for key, group in grouped.items()]

    def entity(self, key: str, group: list[Mention]) -> Entity:
        """Build one entity from its mentions."""
        kind = group[0].type
        aliases = tuple(dict.fromkeys(m.text for m in group))
        code = key.split(":", 1)[1] if kind == "country" else ""
        known = self.organisations.rows.get(key)
        if kind == "country":
            label = self.countries.get(code, code)
        elif known is not None:
            label, code = known.label, known.country
        else:
            acronyms = [a for a in aliases if kind == "organization" and strip_accents(a).isupper()]
            label = acronyms[0] if acronyms else max(aliases, key=len)
        return Entity(
            id=key,
            label=label,
            type=kind,
            aliases=aliases,
            mentions=len(group),
            country_code=code,
            furniture=all(m.furniture for m in group),
        )


def state_qualified_key(
    tokens: TokenTable, cand: Candidate, candidates: list[Candidate], text: str
) -> str:
    """Return an organisation's key, its state written as a code when the name ends with it.

    « Commission électorale du Royaume-Uni » and « Commission électorale britannique »
    are one organisation: `commission-electorale-gb`.
    """
    for country in candidates:
        if (
            country.type == "country"
            and country.end == cand.end
            and cand.start < country.start
            and "|" not in country.key
        ):
            end = country.start
            while end > cand.start and tokens.lowers[end - 1] in LINK_WORDS:
                end -= 1
            if end > cand.start:
                head = tokens.span_text(cand.start, end)
                return f"{name_key(head)}-{country.key.lower()}"
    return name_key(text)


def short_forms(tokens: TokenTable, candidates: list[Candidate], keys: list[str]) -> list[str]:
    """Return `keys` where a short form of one longer organisation name takes its key.

    Within a document, a name made of the first words of exactly one longer organisation
    name is that organisation: « ministère de la Défense » after « ministère de la
    Défense nationale », « Commission » (a word that heads organisation names) after
    « Commission de l’Union africaine ». A known organisation keeps its own id.
    """
    words_of = {}
    for cand, key in zip(candidates, keys, strict=True):
        if key.startswith("org:"):
            words = name_key(tokens.span_text(cand.start, cand.end)).split("-")
            words_of.setdefault(key, set()).add(tuple(words))
    out = []
    for cand, key in zip(candidates, keys, strict=True):
        text = tokens.span_text(cand.start, cand.end)
        known = cand.type == "organization" and cand.key
        lone_head = cand.type in ("person", "misc") and (
            " " not in text and names_organisation(text) and text[:1].isupper()
        )
        if known or not (key.startswith("org:") or lone_head):
            out.append(key)
            continue
        words = tuple(name_key(text).split("-"))
        longer = {
            other
            for other, forms in words_of.items()
            if other != key and any(len(f) > len(words) and f[: len(words)] == words for f in forms)
        }
        out.append(longer.pop() if len(longer) == 1 else key)
    return out


def pick_code(codes: str, named: set[str]) -> str:
    """Return a mention's country code: of "CD|CG", the one the document names, else the first."""
    options = codes.split("|")
    return next((code for code in options if code in named), options[0])


def is_lone_name(text: str) -> bool:
    """Return True for one capitalised word that is not an acronym ("Hammouchi")."""
    return " " not in text and text[:1].isupper() and not is_acronym(text)


def lone_name_fit(text: str, full_names: dict[str, str]) -> str | None:
    """Return the one full name whose words contain those of `text` in order, or None."""
    words = name_key(text).split("-")
    fits = [
        full
        for full in full_names
        if (parts := full.split("-")) != words
        and any(parts[i : i + len(words)] == words for i in range(len(parts) - len(words) + 1))
    ]
    return fits[0] if len(fits) == 1 else None


def person_key(text: str, full_names: dict[str, str]) -> str:
    """Return the slug of the full name a shorter name stands for, or of the name itself.

    A name whose words are part of exactly one longer name of the document is that
    person: « Hammouchi », and « Dimitri Evguenievitch » after « Chougaev Dimitri
    Evguenievitch ».
    """
    return lone_name_fit(text, full_names) or name_key(text)


def sentence_index(doc: Doc) -> list[int]:
    """Return, for each token, the index of its sentence."""
    index = [0] * len(doc)
    if not doc.has_annotation("SENT_START"):
        return index
    if "sents" not in doc.user_hooks:
        return sentence_numbers(doc)
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


@Language.factory(
    "coopgraph_entities",
    requires=["doc.ents", "doc.spans"],  # the NER's names, coopgraph_countries' spans
    assigns=["doc._.coopgraph_mentions", "doc._.coopgraph_entities"],
)
def make_entity_resolver(nlp: Language, name: str) -> EntityResolver:
    """Build the entity resolver (runs after `ner` and `coopgraph_countries`)."""
    return EntityResolver(nlp, name)
