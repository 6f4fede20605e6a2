"""Organisations known by all their names: the knowledge base and its ruler.

The knowledge base is `extract/data/organisations.jsonl`, one organisation a line: its id
(`org:fbi`), French name, display label, acronyms, other names (French, English, usual
press forms), kind (`KINDS`) and the ISO code of the state it belongs to, if any. Every
name of a row gives the row's id, so « FBI », « Federal Bureau of Investigation » and
« Bureau fédéral d’enquête » are one node.

How text matches a row:
- an acronym matches as written (« FBI », « FAMa », « G5 Sahel »), and in title case when
  it has four letters or more (« Otan », « Unesco »); a shorter title-case form matches
  only if the row lists it as a name (« Onu »): « Pam » is a first name;
- a name matches up to case, accents, hyphens and apostrophes, but a name the row writes
  with a capital only where the text writes it with one (« Hamas », not « hamas »), and a
  name the row writes in lower case (« armée malienne », « talibans ») either way;
- the longest match wins (« Conseil de sécurité de l’ONU » over « ONU »);
- a name or acronym in a row's `ambiguous` list (« ANP »: Algeria's army, also a Moroccan
  port agency; « DGSN »: the police of Morocco, Algeria and Mauritania) names that row
  only when the document also names the row's state (name or demonym) or names the row
  otherwise; when no row is named that way, the row listing it as a plain name (if any)
  is the usual reading, else the knowledge base says nothing and the usual rules apply.

A name is plain in at most one row; it may be ambiguous in several. `read_organisations`
checks this and the rest, with errors that name the file and the line.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..errors import LexiconError
from ..lexicon import read_lexicon, slugify
from .countries import spellings

SPANS_KEY = "coopgraph_organisations"
LEXICON = "organisations"
KINDS = frozenset(
    {
        "international",  # an intergovernmental body, its organs, agencies and missions
        "intelligence",  # a state's intelligence service
        "police",  # a state's police, gendarmerie, law enforcement or prosecution service
        "security",  # a state's other security agency (cyber-security, ...)
        "armed_forces",  # a state's armed forces, one of their branches, commands, operations
        "government",  # a ministry or department known by a name of its own (« Pentagone »)
        "armed_group",  # a non-state armed group or movement
    }
)
FIELDS = frozenset(
    {"id", "name", "label", "acronyms", "names", "ambiguous", "type", "kind", "country"}
)
ID_PATTERN = re.compile(r"^org:[a-z0-9]+(-[a-z0-9]+)*$")
TITLE_CASE_MIN_LETTERS = 4


@dataclass(frozen=True)
class Organisation:
    """One row of the knowledge base."""

    id: str
    name: str
    label: str
    acronyms: tuple[str, ...]
    names: tuple[str, ...]
    ambiguous: frozenset[str]
    kind: str
    country: str = ""

    def forms(self) -> list[tuple[str, bool]]:
        """Return (form, is_acronym) for the name, every acronym and every other name."""
        out = [(a, True) for a in self.acronyms]
        out += [(n, False) for n in dict.fromkeys([self.name, *self.names])]
        return out

    def is_plain(self, form: str) -> bool:
        """Return True when `form` names this row without needing the document's help.

        Spellings count as one form: « Police nationale » is as ambiguous as « police
        nationale ».
        """
        return form_key(form) not in {form_key(a) for a in self.ambiguous}


def form_key(form: str) -> str:
    """Return the comparison key of a name: `slugify` (no case, accents, punctuation)."""
    return slugify(form)


def title_case(acronym: str) -> str | None:
    """Return the title-case form of a long acronym ("OTAN" → "Otan"), or None."""
    if len(acronym) >= TITLE_CASE_MIN_LETTERS and acronym.isalpha() and acronym.isupper():
        return acronym[0] + acronym[1:].lower()
    return None


def country_codes() -> frozenset[str]:
    """Return the ISO codes of `countries.jsonl`."""
    return frozenset(row["code"] for row in read_lexicon("countries"))


def country_forms() -> frozenset[str]:
    """Return the comparison keys of every country name and variant."""
    return frozenset(
        form_key(form)
        for row in read_lexicon("countries")
        for form in [row["name"], *row["variants"]]
    )


def numbered_rows(name: str) -> list[tuple[int, Any]]:
    """Return (line number, row) for each row of `extract/data/<name>.jsonl`.

    The rows are `read_lexicon`'s (parsed and checked there); the numbers are those of
    the non-blank lines they come from, for errors that name the line.
    """
    rows = read_lexicon(name)
    path = resources.files("extract") / "data" / f"{name}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    numbers = [number for number, line in enumerate(lines, start=1) if line.strip()]
    return list(zip(numbers, rows, strict=True))


def parse_row(row: Any, where: str, codes: frozenset[str]) -> Organisation:
    """Return the `Organisation` of one JSON row, or raise `LexiconError` naming `where`."""
    if not isinstance(row, dict):
        raise LexiconError(f"{where}: a row is a JSON object, got {type(row).__name__}")
    unknown = set(row) - FIELDS
    if unknown:
        raise LexiconError(
            f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(FIELDS)}"
        )
    for field in ("id", "name", "type", "kind"):
        if not isinstance(row.get(field), str) or not row[field].strip():
            raise LexiconError(f"{where}: field {field!r} must be a non-empty string")
    if not ID_PATTERN.match(row["id"]):
        raise LexiconError(
            f"{where}: id {row['id']!r} must be 'org:' and a lower-case ASCII slug ('org:fbi')"
        )
    if row["type"] != "organization":
        raise LexiconError(f"{where}: type {row['type']!r} is not allowed; use 'organization'")
    if row["kind"] not in KINDS:
        raise LexiconError(f"{where}: kind {row['kind']!r} is not one of {sorted(KINDS)}")
    country = row.get("country", "")
    if country and country not in codes:
        raise LexiconError(
            f"{where}: country {country!r} is not an ISO 3166-1 alpha-2 code of countries.jsonl"
        )
    lists = {}
    for field in ("acronyms", "names", "ambiguous"):
        value = row.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise LexiconError(f"{where}: field {field!r} must be a list of non-empty strings")
        if len(set(value)) != len(value):
            raise LexiconError(f"{where}: field {field!r} lists a form twice")
        lists[field] = tuple(value)
    for acronym in lists["acronyms"]:
        if acronym != acronym.strip() or not any(c.isupper() for c in acronym):
            raise LexiconError(f"{where}: acronym {acronym!r} has no capital letter")
    org = Organisation(
        id=row["id"],
        name=row["name"],
        label=row.get("label") or (lists["acronyms"][0] if lists["acronyms"] else row["name"]),
        acronyms=lists["acronyms"],
        names=lists["names"],
        ambiguous=frozenset(lists["ambiguous"]),
        kind=row["kind"],
        country=country,
    )
    forms = {form for form, _ in org.forms()}
    stray = org.ambiguous - forms
    if stray:
        raise LexiconError(f"{where}: ambiguous form(s) {sorted(stray)} are not names of the row")
    return org


def read_organisations(name: str = LEXICON) -> tuple[Organisation, ...]:
    """Return the rows of `extract/data/<name>.jsonl`, checked.

    Raises `LexiconError` naming the file and line when an id is repeated, a row misses a
    field, a kind or country code is unknown, a name is plain in two rows, or a name is
    a country's.

    >>> orgs = read_organisations()
    >>> next(o for o in orgs if o.id == "org:fbi").country
    'US'
    """
    return _read_organisations(name)


@cache
def _read_organisations(name: str) -> tuple[Organisation, ...]:
    path = resources.files("extract") / "data" / f"{name}.jsonl"
    codes = country_codes()
    countries = country_forms()
    rows: list[Organisation] = []
    ids: dict[str, int] = {}
    plain: dict[str, tuple[str, int]] = {}  # form key → (id, line) of the row naming it plainly
    for number, row in numbered_rows(name):
        where = f"{path}, line {number}"
        org = parse_row(row, where, codes)
        if org.id in ids:
            raise LexiconError(f"{where}: id {org.id!r} already used on line {ids[org.id]}")
        ids[org.id] = number
        for form, _ in org.forms():
            key = form_key(form)
            if key in countries:
                raise LexiconError(f"{where}: {form!r} is a country's name (countries.jsonl)")
            if org.is_plain(form):
                if key in plain and plain[key][0] != org.id:
                    other, line = plain[key]
                    raise LexiconError(
                        f"{where}: {form!r} already names {other} (line {line}); a name "
                        "shared by two rows must be listed in their 'ambiguous' fields"
                    )
                plain[key] = (org.id, number)
        rows.append(org)
    return tuple(rows)


class OrganisationBase:
    """The knowledge base indexed by form: who a name, acronym or spelling may name."""

    def __init__(self, rows: Iterable[Organisation]) -> None:
        self.rows = {org.id: org for org in rows}
        # form key → [(id, plain)] for names; exact text → [(id, plain)] for acronyms.
        self.by_name: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        self.by_acronym: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        for org in self.rows.values():
            for form, is_acronym in org.forms():
                entry = (org.id, org.is_plain(form))
                if is_acronym:
                    keys = [(self.by_acronym, form), (self.by_acronym, title_case(form))]
                else:
                    keys = [(self.by_name, form_key(form))]
                for index, key in keys:
                    if key is not None and entry not in index[key]:
                        index[key].append(entry)

    def options(self, text: str) -> list[tuple[str, bool]]:
        """Return [(id, plain)] for the rows `text` may name, as written in a text."""
        found = list(self.by_acronym.get(text, ()))
        found += [e for e in self.by_name.get(form_key(text), ()) if e not in found]
        return found

    def resolve(self, text: str) -> str | None:
        """Return the id `text` names without any context, or None ("FBI" → "org:fbi").

        >>> base().resolve("Federal Bureau of Investigation")
        'org:fbi'
        >>> base().resolve("ANP") is None  # Algeria's army, or a port agency
        True
        """
        plain = [org_id for org_id, is_plain in self.options(text) if is_plain]
        return plain[0] if len(plain) == 1 else None

    def choose(
        self,
        options: list[tuple[str, bool]],
        *,
        named_rows: Collection[str],
        named_codes: Collection[str],
    ) -> str | None:
        """Return the row a match names given what the document names, or None.

        `named_rows` are the rows the document names plainly elsewhere, `named_codes` the
        states it names (by name or demonym); a `Counter` of them makes the state named
        most often win between two rows (« DGSN » in an article on Morocco that names
        Algeria once).
        """
        ids = [org_id for org_id, _ in options]
        for org_id in ids:
            if org_id in named_rows:
                return org_id
        plain = [org_id for org_id, is_plain in options if is_plain]
        if len(plain) == 1 and (len(options) == 1 or self.rows[plain[0]].country in named_codes):
            return plain[0]
        stated = [i for i in ids if self.rows[i].country and self.rows[i].country in named_codes]
        if stated:
            counts = named_codes if isinstance(named_codes, Counter) else Counter()
            return max(stated, key=lambda i: counts[self.rows[i].country])
        return plain[0] if len(plain) == 1 else None


def known_organisations(doc: Doc, codes: Counter[str]) -> list[tuple[int, int, str]]:
    """Return (start, end, id) for the ruler's matches that name one row of `doc`.

    `codes` counts the states the document names (by name or demonym). A row named by a
    form no other row shares helps choose for the ambiguous matches.
    """
    if SPANS_KEY not in doc.spans:
        return []
    kb = base()
    matches = [(span.start, span.end, kb.options(span.text)) for span in doc.spans[SPANS_KEY]]
    named_rows = {options[0][0] for _, _, options in matches if len(options) == 1 and options[0][1]}
    found = []
    for start, end, options in matches:
        org_id = kb.choose(options, named_rows=named_rows, named_codes=codes)
        if org_id is not None:
            found.append((start, end, org_id))
    return found


@cache
def base() -> OrganisationBase:
    """Return the knowledge base, read and indexed once."""
    return OrganisationBase(read_organisations())


class OrganisationRuler:
    """Find every knowledge-base name in a Doc: `doc.spans["coopgraph_organisations"]`.

    Each span's `id_` holds the candidate rows, `"org:a|org:b"`; the entity resolver
    chooses among them with what the document names.
    """

    def __init__(self, nlp: Language, name: str, *, spans_key: str = SPANS_KEY) -> None:
        self.name = name
        self.spans_key = spans_key
        self.base = base()
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        # Which spellings need a capital: those of names the row writes with one.
        self.capitalised: set[str] = set()
        acronym_forms: set[str] = set()
        name_forms: set[str] = set()
        for org in self.base.rows.values():
            for form, is_acronym in org.forms():
                if is_acronym:
                    acronym_forms.add(form)
                    title = title_case(form)
                    if title is not None:
                        acronym_forms.add(title)
                    continue
                for variant in spellings(form):
                    name_forms.add(variant)
                    if variant[:1].isupper():
                        self.capitalised.add(form_key(variant))
        # Names a row writes in lower case: they match however the text writes them.
        self.lower_ok = {
            form_key(form)
            for org in self.base.rows.values()
            for form, is_acronym in org.forms()
            if not is_acronym and form[:1].islower()
        }
        make = nlp.make_doc
        self.acronyms.add("ACRONYM", [make(form) for form in sorted(acronym_forms)])
        self.names.add("NAME", [make(form) for form in sorted(name_forms)])

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Return (start, end, "id|id") for each longest knowledge-base match."""
        found = []
        for _, start, end in self.acronyms(doc):
            options = self.base.by_acronym.get(doc[start:end].text)
            if options:
                found.append((start, end, options))
        for _, start, end in self.names(doc):
            text = doc[start:end].text
            key = form_key(text)
            if key in self.capitalised and key not in self.lower_ok and not text[:1].isupper():
                continue  # « hamas » is not written as the movement's name
            options = self.base.by_name.get(key)
            if options:
                found.append((start, end, options))
        ranked = sorted(found, key=lambda m: (m[1] - m[0], -m[0]), reverse=True)
        kept, seen = [], set()
        for start, end, options in ranked:
            if not any(i in seen for i in range(start, end)):
                kept.append((start, end, "|".join(dict.fromkeys(i for i, _ in options))))
                seen.update(range(start, end))
        return sorted(kept)

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = [
            Span(doc, start, end, label="ORG", span_id=ids) for start, end, ids in self.matches(doc)
        ]
        return doc


@Language.factory(
    "coopgraph_organisations",
    assigns=["doc.spans"],
    default_config={"spans_key": SPANS_KEY},
)
def make_organisation_ruler(nlp: Language, name: str, spans_key: str) -> OrganisationRuler:
    """Build the organisation ruler (candidate ids in `span.id_`, label `ORG`)."""
    return OrganisationRuler(nlp, name, spans_key=spans_key)
