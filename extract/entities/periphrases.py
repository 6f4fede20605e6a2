"""States named by a description: « le royaume chérifien », « l’Hexagone », « les deux pays ».

(Officials named by their post alone are resolved here too, see `described_persons`.)

The rows of `periphrases.jsonl` are of three kinds:
- `phrase` → `code`: a fixed description of one state, matched on folded words; a word
  the row writes with a capital must have one in the text ("l’Hexagone", not "un
  hexagone"), a lower-case word may have one (at the start of a sentence);
- `state_noun`: "l’État" right before a demonym is that demonym's state ("l’État chinois");
- `anaphor`: a definite or demonstrative description of a state named before it. It
  needs a determiner ("le royaume", "ce pays", "des deux pays", not "un royaume") and no
  complement or apposition naming something else ("le royaume de Bahreïn" is a name):
  - with `codes` ("le royaume", "l’archipel"): the last state of those codes named
    before it in the document; none named before, no mention;
  - `bare` ("ce pays", "le pays", without even an adjective: "le pays hôte" is not
    resolved): the one state named in the nearest sentence that names one, looking at
    the beginning of its own sentence, then up to two sentences back in its paragraph or
    the one before; two states there, no mention;
  - `count: 2` ("les deux pays", "les deux États"): the two states of the nearest such
    sentence that names two or more, when it names exactly two.

Each resolution is a country mention with the description's own text and offsets (two
mentions for "les deux pays"): it counts as a mention of the country's node, and the
relation rules read it like a name. A description overlapping a mention already found
is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..lexicon import read_lexicon, slugify
from ..records import Entity, Mention
from ..tokens import Lexicon, TokenTable, sentence_numbers
from .countries import fold
from .described_persons import described_persons
from .pronoun_persons import pronoun_persons

DETERMINERS = frozenset(
    {"le", "la", "l'", "les", "ce", "cet", "cette", "ces", "du", "des", "au", "aux"}
)
# Dependencies under a description's head that make it name something else.
NAMING_DEPS = frozenset({"nmod", "appos", "flat", "flat:name", "nummod"})
MAX_SENTENCES_BACK = 2
LINE_BREAKS = re.compile(r"\n+")
MAX_PARAGRAPHS_BACK = 1


@dataclass(frozen=True)
class Fixed:
    """A fixed description of one state, as folded words and capital flags."""

    words: tuple[str, ...]
    capitals: tuple[bool, ...]
    code: str


@dataclass(frozen=True)
class Anaphor:
    """A description of a state named before it."""

    words: tuple[str, ...]
    codes: frozenset[str]  # empty: any state
    count: int = 1
    bare: bool = False


@dataclass(frozen=True)
class Periphrases:
    """The rows of `periphrases.jsonl`, indexed by the word each match starts or ends with."""

    fixed: dict[str, list[Fixed]]  # first folded word → descriptions, longest first
    state_nouns: frozenset[str]
    anaphors: dict[str, list[Anaphor]]  # last folded word → descriptions, longest first


def read_periphrases(nlp: Language) -> Periphrases:
    """Return the periphrase table, its phrases cut into words by `nlp`'s tokenizer."""
    fixed: dict[str, list[Fixed]] = defaultdict(list)
    anaphors: dict[str, list[Anaphor]] = defaultdict(list)
    state_nouns = set()
    for row in read_lexicon("periphrases"):
        if "phrase" in row:
            words = [t.text for t in nlp.make_doc(row["phrase"])]
            entry = Fixed(
                tuple(fold(w) for w in words), tuple(w[:1].isupper() for w in words), row["code"]
            )
            fixed[entry.words[0]].append(entry)
        elif "state_noun" in row:
            state_nouns.add(fold(row["state_noun"]))
        elif "anaphor" in row:
            entry = Anaphor(
                tuple(fold(w) for w in row["anaphor"]),
                frozenset(row.get("codes", ())),
                count=int(row.get("count", 1)),
                bare=bool(row.get("bare", False)),
            )
            anaphors[entry.words[-1]].append(entry)
        else:
            raise ValueError(
                f"periphrases.jsonl: row {row!r} needs 'phrase', 'state_noun' or 'anaphor'"
            )
    for table in (fixed, anaphors):
        for entries in table.values():
            entries.sort(key=lambda e: len(e.words), reverse=True)
    return Periphrases(dict(fixed), frozenset(state_nouns), dict(anaphors))


class PeriphraseResolver:
    """Add the country mentions that descriptions make (`doc._.coopgraph_mentions`)."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        self.table = read_periphrases(nlp)
        self.names = country_names()
        self.lexicon = Lexicon(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(doc._.coopgraph_mentions or [])
        entities = list(doc._.coopgraph_entities or [])
        capitals = [m for m in mentions if m.type == "person" and is_capital(m.text)]
        if capitals:
            # "Washington a accusé Pékin": the model may read a capital as a person.
            mentions, entities = retype_capitals(mentions, entities, capitals)
        tokens = TokenTable(doc, self.lexicon)
        found = list(DocPeriphrases(doc, tokens, self.table, mentions).mentions())
        if found:
            # A place the model saw in a description ("l'Hexagone") is the state only, and
            # "l'État chinois" is one mention of China, not two.
            places = [m for m in mentions if is_replaced(m, found)]
            mentions = [m for m in mentions if m not in places]
            entities = add_mentions(remove_mentions(entities, places), found, self.names)
            mentions = sorted([*mentions, *found], key=lambda m: m.start_char)
        # After the states: « le président vénézuélien » needs its demonym's mention.
        described, entities = described_persons(doc, mentions, entities)
        described, entities = pronoun_persons(doc, described, entities)
        if found or capitals or described is not mentions:
            mentions = described
            doc._.coopgraph_mentions = mentions
            doc._.coopgraph_entities = entities
        return doc


class DocPeriphrases:
    """The descriptions of one document and the states they stand for."""

    def __init__(
        self, doc: Doc, tokens: TokenTable, table: Periphrases, mentions: list[Mention]
    ) -> None:
        self.doc = doc
        self.table = table
        self.words = [fold(word) for word in tokens.lowers]
        self.texts = tokens.texts
        self.furniture = doc._.coopgraph_furniture or []
        # A description may cover a place the model found in it, never another name.
        self.taken = {i for m in mentions if m.type != "location" for i in self.token_range(m)}
        self.states = sorted(
            (m for m in mentions if m.type == "country"), key=lambda m: m.start_char
        )
        self.mention_at = {
            i: m for m in mentions if m.type == "country" for i in self.token_range(m)
        }
        self._sents: list[int] | None = None
        self._breaks: list[int] | None = None

    def token_range(self, mention: Mention) -> range:
        """Return the tokens a mention covers."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(0)

    def mentions(self) -> Iterator[Mention]:
        """Yield the country mentions of the document's descriptions, in text order."""
        i = 0
        while i < len(self.words):
            found, end = self.match_at(i)
            for mention in found:
                self.states.append(mention)
                yield mention
            i = end if found else i + 1

    def match_at(self, i: int) -> tuple[list[Mention], int]:
        """Return the mentions a description starting at token `i` makes, and its end."""
        if i in self.taken:
            return [], i + 1
        word = self.words[i]
        for fixed in self.table.fixed.get(word, ()):
            end = i + len(fixed.words)
            if self.free(i, end) and self.written_as(i, fixed):
                return [self.mention(i, end, fixed.code)], end
        if word in self.table.state_nouns and self.texts[i][:1].isupper():
            demonym = self.mention_at.get(i + 1)
            if demonym is not None:
                end = i + 1 + len(self.token_range(demonym))
                return [self.mention(i, end, demonym.entity.split(":", 1)[1])], end
        for anaphor in self.table.anaphors.get(word, ()):
            start = i - len(anaphor.words) + 1
            if self.is_anaphor(start, i, anaphor):
                codes = self.antecedents(start, anaphor)
                return [self.mention(start, i + 1, code) for code in codes], i + 1
        return [], i + 1

    def free(self, start: int, end: int) -> bool:
        """Return True when no mention covers a token of [start, end)."""
        return end <= len(self.words) and not any(j in self.taken for j in range(start, end))

    def written_as(self, start: int, fixed: Fixed) -> bool:
        """Return True when the tokens at `start` spell a fixed description with its capitals."""
        for offset, (word, capital) in enumerate(zip(fixed.words, fixed.capitals, strict=True)):
            j = start + offset
            if self.words[j] != word or (capital and not self.texts[j][:1].isupper()):
                return False
        return True

    def is_anaphor(self, start: int, head: int, anaphor: Anaphor) -> bool:
        """Return True when tokens [start, head] are a determined, unqualified description."""
        if start < 1 or not self.free(start, head + 1):
            return False
        if self.words[start:head + 1] != list(anaphor.words):
            return False
        if self.words[start - 1] not in DETERMINERS:
            return False
        for child in self.doc[head].children:
            if start <= child.i <= head:
                continue  # "deux" in "les deux pays"
            if child.i in self.mention_at or child.dep_ in NAMING_DEPS:
                return False  # "le royaume de Bahreïn", "l'archipel nippon"
            if anaphor.bare and child.dep_ in ("amod", "acl"):
                return False  # "le pays hôte" is not any country named before
        return True

    def antecedents(self, start: int, anaphor: Anaphor) -> list[str]:
        """Return the codes of the states a description at token `start` stands for."""
        offset = self.doc[start].idx
        before = [m for m in self.states if m.end_char <= offset]
        if anaphor.codes:
            for mention in reversed(before):
                code = mention.entity.split(":", 1)[1]
                if code in anaphor.codes:
                    return [code]
            return []
        for group in self.nearby_sentences(start, before):
            codes = list(dict.fromkeys(m.entity.split(":", 1)[1] for m in group))
            if len(codes) >= anaphor.count:
                return codes if len(codes) == anaphor.count else []
        return []

    def nearby_sentences(self, start: int, before: list[Mention]) -> Iterator[list[Mention]]:
        """Yield the state mentions of the description's sentence, then of those before it."""
        sents = self.sentence_of()
        here = sents[start]
        paragraph = self.paragraph_of(self.doc[start].idx)
        by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for mention in before:
            tokens = self.token_range(mention)
            if tokens:
                by_sentence[sents[tokens.start]].append(mention)
        for number in range(here, here - MAX_SENTENCES_BACK - 1, -1):
            group = by_sentence.get(number, [])
            if group and paragraph - self.paragraph_of(group[0].start_char) > MAX_PARAGRAPHS_BACK:
                return
            yield group

    def sentence_of(self) -> list[int]:
        """Return the sentence number of each token (computed once)."""
        if self._sents is None:
            if self.doc.has_annotation("SENT_START"):
                self._sents = sentence_numbers(self.doc)
            else:
                self._sents = [0] * len(self.doc)
        return self._sents

    def paragraph_of(self, offset: int) -> int:
        """Return the number of the line (paragraph) that character `offset` is on."""
        if self._breaks is None:
            # A run of line breaks (a blank line or not) ends one paragraph.
            self._breaks = [m.start() for m in LINE_BREAKS.finditer(self.doc.text)]
        return bisect_right(self._breaks, offset)

    def mention(self, start: int, end: int, code: str) -> Mention:
        """Return the country mention of tokens [start, end)."""
        span = self.doc[start:end]
        self.taken.update(range(start, end))
        return Mention(
            text=span.text,
            start_char=span.start_char,
            end_char=span.end_char,
            sent=self.sentence_of()[start],
            type="country",
            entity=f"country:{code}",
            furniture=any(a <= span.start_char < b for a, b in self.furniture),
        )


@cache
def country_names() -> dict[str, str]:
    """Return ISO code → usual French short name."""
    return {row["code"]: row["name"] for row in read_lexicon("countries")}


@cache
def capital_names() -> frozenset[str]:
    """Return the folded names of the capitals (hyphens as spaces), variants included."""
    return frozenset(
        capital_key(name)
        for row in read_lexicon("capitals")
        for name in [row["name"], *row.get("variants", [])]
    )


def capital_key(text: str) -> str:
    """Return the key a capital is looked up by ("Tel-Aviv" and "Tel Aviv" meet)."""
    return " ".join(fold(text).replace("-", " ").split())


def is_capital(text: str) -> bool:
    """Return True when `text` is exactly the name of a capital ("Washington")."""
    return capital_key(text) in capital_names()


def retype_capitals(
    mentions: list[Mention], entities: list[Entity], capitals: list[Mention]
) -> tuple[list[Mention], list[Entity]]:
    """Return mentions and entities with the capitals read as persons made places again."""
    places = [replace(m, type="location", entity=f"location:{slugify(m.text)}") for m in capitals]
    renamed = dict(zip(capitals, places, strict=True))
    mentions = [renamed.get(m, m) for m in mentions]
    entities = remove_mentions(entities, capitals)
    by_id = {e.id: e for e in entities}
    for place in places:
        entity = by_id.get(place.entity)
        by_id[place.entity] = (
            Entity(place.entity, place.text, "location", (place.text,), 1, furniture=place.furniture)
            if entity is None
            else replace(
                entity,
                aliases=tuple(dict.fromkeys([*entity.aliases, place.text])),
                mentions=entity.mentions + 1,
            )
        )
    return mentions, list(by_id.values())


def is_replaced(mention: Mention, found: list[Mention]) -> bool:
    """Return True for a place overlapping a description, or its state's demonym inside it."""
    for other in found:
        if mention.start_char < other.end_char and other.start_char < mention.end_char:
            if mention.type == "location" or mention.entity == other.entity:
                return True
    return False


def remove_mentions(entities: list[Entity], mentions: list[Mention]) -> list[Entity]:
    """Return `entities` without the count of `mentions`; an entity left with none goes."""
    removed: dict[str, int] = defaultdict(int)
    for mention in mentions:
        removed[mention.entity] += 1
    kept = []
    for entity in entities:
        count = entity.mentions - removed.get(entity.id, 0)
        if count > 0:
            kept.append(replace(entity, mentions=count))
        elif entity.id not in removed:
            kept.append(entity)
    return kept


def add_mentions(
    entities: list[Entity], mentions: list[Mention], names: dict[str, str]
) -> list[Entity]:
    """Return `entities` with the new country mentions counted, and new countries added."""
    by_id = {entity.id: entity for entity in entities}
    for mention in mentions:
        entity = by_id.get(mention.entity)
        if entity is None:
            code = mention.entity.split(":", 1)[1]
            by_id[mention.entity] = Entity(
                id=mention.entity,
                label=names.get(code, code),
                type="country",
                aliases=(mention.text,),
                mentions=1,
                country_code=code,
                furniture=mention.furniture,
            )
        else:
            by_id[mention.entity] = replace(
                entity,
                aliases=tuple(dict.fromkeys([*entity.aliases, mention.text])),
                mentions=entity.mentions + 1,
                furniture=entity.furniture and mention.furniture,
            )
    return list(by_id.values())


@Language.factory(
    "coopgraph_periphrases",
    requires=["doc._.coopgraph_mentions", "token.dep"],
    assigns=["doc._.coopgraph_mentions", "doc._.coopgraph_entities"],
)
def make_periphrase_resolver(nlp: Language, name: str) -> PeriphraseResolver:
    """Build the periphrase resolver (runs after `coopgraph_entities`)."""
    return PeriphraseResolver(nlp, name)
