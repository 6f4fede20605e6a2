"""Candidate mentions: what in a parsed Doc names a person, organisation, country or place.

Sources, in order of trust: the country ruler (lexicon names and demonyms), long forms
of acronyms the text defines, the model's NER (`PER`, `ORG`, `LOC`; `MISC` only for
acronyms), and bare capital acronyms the model missed. The rules below fix the model's
systematic mislabels; they look at the shape of the text (case, digits, hyphens, line
position), never at lists of particular names:

- a name never crosses a line break: an entity spanning one is cut at it; an entity cut
  after "de l'" is joined to the one that follows (`extract.entities.name_spans`);
- a span holding a model designation ("Bayraktar TB-2", "F-16", "S-400") is a product;
- a short line that is only one name ("Cyber-sécurité") is a heading, not an organisation;
  nor is a word before a rubric bar ("Vidéo | ...") or a furniture marker ("Lire aussi");
- an organisation or place whose name is a lower-case description anchored by a demonym
  ("la cyber-direction israélienne", "la police marocaine", "qatari de l'Intérieur") is
  not an organisation node: the demonym makes it a mention of the country; a capitalised
  name with a demonym ("Centre national de cybersécurité qatari") stays an organisation,
  with the country as a mention inside it;
- a person's name that contains a country name wins over it ("Maurice Papon");
- a portfolio after "ministre de", "ministère des" ("Intérieur", "Affaires étrangères")
  is not an organisation node: every government has one.

The shape rules live in `extract.entities.non_names`; the `Candidate` record and which
candidate wins an overlap, in `extract.entities.candidates`. This module gathers the
candidates and applies them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cache

from spacy.tokens import Doc

from ..lexicon import read_lexicon
from ..tokens import TokenTable
from .candidates import UNSURE, Candidate, decide_unsure, outranks, overlap, without_overlaps
from .countries import SPANS_KEY
from .group_names import after_group_noun, headed_by_organisation_noun, quoted_group_names
from .name_spans import joined_entities, names_organisation, trim_range
from .non_entities import is_web_address, names_agreement, names_product, place_as_person
from .nested_organisations import nested_organisations
from .non_names import (
    Lines,
    anchored_description,
    credit_ranges,
    in_furniture_marker,
    in_ranges_,
    in_rank,
    is_calendar_word,
    is_dateline,
    is_heading,
    is_portfolio,
    is_product,
    is_rubric,
    line_pieces,
    title_words,
)
from .organisations import SPANS_KEY as ORGANISATIONS_KEY
from .organisations import known_organisations
from .ministries import ministry_candidates
from .post_names import PostSlots, titled_person
from .state_bodies import state_body_candidates

NER_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}
ACRONYM = re.compile(r"^[A-Z][A-Z&]*[A-Z]$")
ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")
# Titles that only ever precede a person's name.
COURTESY_TITLES = frozenset({"M.", "Mme", "Mlle", "MM.", "Mmes", "Dr", "Pr", "Me", "Mgr"})
SENTENCE_END = frozenset(".!?…")
ACRONYM_MIN_LETTERS = 3  # an untagged two-letter capital word ("DG", "NB") names no one


@cache
def acronym_stoplist() -> frozenset[str]:
    """Return the all-capital words that are not organisation names ("PIB", "TV")."""
    return frozenset(row["word"] for row in read_lexicon("acronym_stoplist"))


def is_acronym(text: str) -> bool:
    """Return True for an all-capital word that can name an organisation ("DGSN")."""
    return (
        text.isupper()  # a cheap first test: every acronym passes it
        and ACRONYM.match(text) is not None
        and ROMAN_NUMERAL.match(text) is None
        and text not in acronym_stoplist()
    )


def country_candidates(doc: Doc) -> list[Candidate]:
    """Return the ruler's country names and demonyms as candidates."""
    if SPANS_KEY not in doc.spans:
        return []
    strings = doc.vocab.strings
    demonym = strings.add("DEMONYM")
    codes: dict[int, str] = {}  # span.id → span.id_, looked up once per code
    found = []
    for span in doc.spans[SPANS_KEY]:
        code = codes.get(span.id)
        if code is None:
            code = codes[span.id] = span.id_
        found.append(Candidate(span.start, span.end, "country", code, span.label == demonym))
    return found


class CountryIndex:
    """The country candidates of a Doc, indexed for the questions NER spans ask of them."""

    def __init__(self, countries: list[Candidate]) -> None:
        self.countries = sorted(countries, key=lambda c: c.start)
        self.starts = [c.start for c in self.countries]
        # Tokens inside a country name (not a demonym); an empty name overlaps the spans
        # strictly around its position.
        self.named_tokens = {i for c in countries if not c.demonym for i in range(c.start, c.end)}
        self.empty_names = [c.start for c in countries if not c.demonym and c.start == c.end]

    def covered_length(self, start: int, end: int) -> int:
        """Return the number of tokens of the countries inside tokens [start, end)."""
        # A country inside starts in [start, end]; one starting at `end` is empty.
        lo = bisect_left(self.starts, start)
        hi = bisect_right(self.starts, end)
        return sum(c.end - c.start for c in self.countries[lo:hi] if c.end <= end)

    def overlaps_name(self, start: int, end: int) -> bool:
        """Return True when a country name (not a demonym) overlaps tokens [start, end)."""
        named = self.named_tokens
        return any(i in named for i in range(start, end)) or any(
            start < p < end for p in self.empty_names
        )


def ner_candidate(
    tokens: TokenTable,
    start: int,
    end: int,
    label: str,
    countries: CountryIndex,
    lines: Lines,
    people: frozenset[str] = frozenset(),
) -> Candidate | None:
    """Return the candidate one trimmed NER span gives, or None when a rule drops it.

    `people` are the texts the model reads as people elsewhere, not after a place word.
    """
    if is_product(tokens, start, end, label) or in_furniture_marker(tokens.starts[start], lines):
        return None
    if names_product(tokens, start) or names_agreement(tokens, start, label):
        return None
    if is_web_address(tokens.span_text(start, end)):
        return None
    if label == "PER" and place_as_person(tokens, start, end):
        if tokens.span_text(start, end).lower() not in people:
            return Candidate(start, end, "location")
    if in_rank(tokens, start, end) or is_calendar_word(tokens.span_text(start, end)):
        return None
    if countries.covered_length(start, end) == end - start:
        return None  # the lexicon already knows this country
    if end - start == 1 and is_acronym(tokens.texts[start]):
        # The model's type where it fits: a place's code stays a place ("OTP" after
        # "Bucarest"); what it calls MISC is an organisation only if the document
        # treats it as one elsewhere (see `find_candidates`).
        if label == "LOC" or is_dateline(tokens, start):
            return Candidate(start, end, "location")
        return Candidate(start, end, "organization", UNSURE if label == "MISC" else "")
    if label == "MISC" and end - start == 1 and tokens.texts[start].istitle():
        # Kept only if it turns out to be a surname ("Govrin" after "David Govrin").
        return Candidate(start, end, "misc")
    kind = NER_TYPES.get(label)
    if kind in ("organization", "person") and is_portfolio(tokens, start):
        return None
    if kind is None or (
        kind != "person"
        and (is_heading(tokens, start, end, lines) or is_rubric(tokens, start, end))
    ):
        return None
    if kind == "location" and countries.overlaps_name(start, end):
        return None  # a place overlapping a country name is that country
    if kind == "location" and headed_by_organisation_noun(tokens, start, end):
        kind = "organization"  # « le Parquet de Lyon », « la Cour d’appel de Rennes »
    return Candidate(start, end, kind)


def ner_candidates(
    doc: Doc, tokens: TokenTable, countries: list[Candidate], lines: Lines, slots: PostSlots
) -> list[Candidate]:
    """Return the model's entities that survive the mislabel rules, with our types.

    A name in the slot after a post is a person's whatever its label (`post_names`).
    """
    titles = title_words()
    demonym_starts = {c.start for c in countries if c.demonym and tokens.texts[c.start].islower()}
    index = CountryIndex(countries)
    all_demonyms = frozenset(c.start for c in countries if c.demonym)
    found = []
    entities = joined_entities(doc, tokens)
    people = frozenset(
        tokens.span_text(start, end).lower()
        for start, end, label in entities
        if label == "PER" and not place_as_person(tokens, start, end)
    )
    for ent_start, ent_end, label in entities:
        for start, end in line_pieces(tokens, ent_start, ent_end):
            if label != "PER" and (person := slots.person(start, end)) is not None:
                found.append(person)
                continue
            if label != "PER" and anchored_description(tokens, start, end, demonym_starts):
                continue
            if is_calendar_word(tokens.span_text(max(start - 1, 0), end)) or is_calendar_word(
                tokens.span_text(start, end)
            ):
                continue  # with the word before: the model reads « aïd el-Fitr » as « el-Fitr »
            trimmed = trim_range(tokens, start, end, titles=titles, label=label)
            if trimmed is not None and label == "ORG":
                trimmed = after_described_head(tokens, *trimmed, all_demonyms)
            if trimmed is not None and label != "ORG" and after_group_noun(
                tokens, trimmed[0], all_demonyms
            ):
                found.append(Candidate(*trimmed, "organization"))  # « le gang X »
                continue
            if trimmed is not None and label == "MISC" and titled_person(tokens, start, *trimmed):
                found.append(Candidate(*trimmed, "person"))
                continue
            if trimmed is not None:
                cand = ner_candidate(tokens, *trimmed, label, index, lines, people)
                if cand is not None:
                    found.append(cand)
    return found


def after_described_head(
    tokens: TokenTable, start: int, end: int, demonyms: set[int]
) -> tuple[int, int]:
    """Return the name after « Société chinoise », « l'agence russe »: a described name.

    A word heading organisation names, a demonym, then a capitalised name: the name is
    what follows (« Société chinoise Poly Technologies » is « Poly Technologies »).
    """
    if (
        end - start >= 3
        and names_organisation(tokens.texts[start])
        and start + 1 in demonyms
        and tokens.texts[start + 2][:1].isupper()
    ):
        return start + 2, end
    return start, end


def titled_names(tokens: TokenTable, taken: set[int]) -> list[Candidate]:
    """Return the names after a courtesy title the model missed ("M. Nasser Bourita")."""
    texts, n = tokens.texts, len(tokens)
    found = []
    for i in range(n - 1):
        if texts[i] not in COURTESY_TITLES:
            continue
        end = i + 1
        while end < n and tokens.is_title[end] and not is_acronym(texts[end]):
            end += 1
        span = range(i + 1, end)
        if span and not any(j in taken for j in span):
            found.append(Candidate(i + 1, end, "person"))
    return found


def acronym_candidates(
    tokens: TokenTable,
    taken: set[int],
    lines: Lines,
    *,
    in_entities: frozenset[int] = frozenset(),
    common: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Return capital acronyms the model left out ("DGSN", "DGST") as organisations.

    Not an organisation: an acronym right after a number ("500 MW", "3 GB": a unit), of
    two letters ("DG", "NB"), inside a name the model typed otherwise ("Nintendo DS"),
    a dateline, or one the text defines as a common noun (`common`: "OGM").
    """
    found = []
    for i, text in enumerate(tokens.texts):
        if not text.isupper() or i in taken or not is_acronym(text):
            continue
        if len(text) < ACRONYM_MIN_LETTERS or i in in_entities or text in common:
            continue
        if (i > 0 and tokens.like_num[i - 1]) or is_dateline(tokens, i):
            continue
        position = tokens.starts[i]
        if lines.is_shouting(position) or in_furniture_marker(position, lines):
            continue
        found.append(Candidate(i, i + 1, "organization"))
    return found


def organisation_candidates(
    doc: Doc, tokens: TokenTable, countries: list[Candidate], named: list[Candidate], lines: Lines
) -> list[Candidate]:
    """Return the knowledge base's organisations named in `doc`, their id in `key`.

    A one-word name inside a longer person's name of the document is that person's
    ("Wagner" when the text names "Richard Wagner"); a name in a furniture marker is none.
    """
    if ORGANISATIONS_KEY not in doc.spans:
        return []
    codes = Counter(code for c in countries for code in c.key.split("|"))
    people = {
        tokens.span_text(c.start, c.end).lower()
        for c in named
        if c.type == "person" and c.end - c.start > 1
    }
    found = []
    for start, end, org_id in known_organisations(doc, codes):
        if in_furniture_marker(tokens.starts[start], lines):
            continue
        if end - start == 1 and any(tokens.lowers[start] in person.split() for person in people):
            continue
        found.append(Candidate(start, end, "organization", org_id))
    return found


def stray_heading_word(
    cand: Candidate, tokens: TokenTable, lines: Lines, everything: list[Candidate]
) -> bool:
    """Return True for one word opening a heading line that the text names nowhere else.

    « Paquets de drogues saisis », « Laisser un commentaire », « Étiquettes : Italie »:
    a line without final punctuation is a heading, a button or a label, whose first word
    has a capital whatever it is. It is a name only if the text uses it elsewhere
    (« Hammouchi reçoit ... » above « Abdellatif Hammouchi a reçu ... »).
    """
    if cand.type not in ("person", "organization", "misc") or cand.end - cand.start != 1:
        return False
    text = tokens.texts[cand.start]
    if cand.key or is_acronym(text):
        return False
    opens_line = cand.start == 0 or "\n" in tokens.texts[cand.start - 1]
    line = lines.line(tokens.starts[cand.start]).rstrip().rstrip('»"” ')
    if not opens_line or line[-1:] in SENTENCE_END:
        return False
    word = tokens.lowers[cand.start]
    return not any(
        other is not cand and word in tokens.span_text(other.start, other.end).lower().split()
        for other in everything
    )


def find_candidates(
    doc: Doc,
    long_forms: list[Candidate] = (),
    tokens: TokenTable | None = None,
    *,
    common: frozenset[str] = frozenset(),
    defined: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Return every candidate mention of `doc`, sorted by position.

    `long_forms` are organisation spans the text defines with an acronym; they win over
    the model's spans that overlap them. `tokens` is the Doc's token table, if at hand.
    `common` are the acronyms the text defines as common nouns ("OGM"), `defined` those
    it defines as organisations.
    """
    if tokens is None:
        tokens = TokenTable(doc)
    lines = Lines(tokens.text)
    countries = country_candidates(doc)
    slots = PostSlots(doc, tokens, countries)
    named = ner_candidates(doc, tokens, countries, lines, slots)
    quoted = without_overlaps(quoted_group_names(doc, tokens.text), list(long_forms))
    ministries = without_overlaps(ministry_candidates(doc, tokens, countries), list(long_forms))
    winners = [*long_forms, *quoted, *ministries]
    bodies = without_overlaps(state_body_candidates(tokens, countries), winners)
    named = without_overlaps(named, [*winners, *bodies]) + winners + bodies
    known = organisation_candidates(doc, tokens, countries, named, lines)
    # The longer of a known name and a candidate holding it whole wins; else the known.
    known = [k for k in known if all(outranks(k, c) for c in named if overlap(k, c))]
    named = without_overlaps(named, known) + known
    # A person's name wins over a country word inside it ("Maurice Papon", "Jordan Bardella").
    people = [c for c in named if c.type == "person"]
    countries = [
        c
        for c in countries
        if not any(
            p.start <= c.start and c.end <= p.end and (p.end - p.start) > (c.end - c.start)
            for p in people
        )
    ]
    taken = {i for c in [*countries, *named] for i in range(c.start, c.end)}
    named += titled_names(tokens, taken)
    named += slots.untagged_names(taken | {i for c in named for i in range(c.start, c.end)})
    named = decide_unsure(named, tokens, defined)
    taken = {i for c in [*countries, *named] for i in range(c.start, c.end)}
    in_entities = frozenset(i for ent in doc.ents for i in range(ent.start, ent.end))
    everything = (
        countries
        + named
        + acronym_candidates(tokens, taken, lines, in_entities=in_entities, common=common)
    )
    everything += nested_organisations(tokens, named)  # « Commission de l’Union africaine »
    credits = credit_ranges(tokens.text)
    everything = [
        c
        for c in everything
        if not in_ranges_(tokens.starts[c.start], credits)
        and not stray_heading_word(c, tokens, lines, everything)
    ]
    return sorted(set(everything), key=lambda c: (c.start, -c.end, c.type))
