"""Typed relations between the entities of a sentence, read off the dependency parse.

A relation is stated, never inferred from two names sharing a sentence:
- cooperation and opposition need a trigger word (`triggers` lexicon) or a "contre" /
  "face à" complement that links the parties through the parse (`frames`);
- affiliation and part_of are read off appositions and modifiers (`affiliation`).
A denied statement ("n'a pas signé", "a refusé de coopérer", "aucun accord") yields
nothing; a conditional or unconfirmed one is kept with `hedged=True`
(`modality`). Each relation carries its sentence as evidence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from graph.vocabulary import RELATIONS, UNDIRECTED_TYPES

from ..extensions import register_extensions
from ..prerequisites import PrerequisiteCheck, has_parse
from ..records import GRAPH_ENTITY_TYPES, Entity, Mention, Relation
from .affiliation import PhraseRelations
from .compounds import has_compound
from .frames import OPPOSING_ROLES, FrameFinder
from .lexicons import capital_key, capitals, country_names
from .modality import hedged_text, unconfirmed_report
from .parse import DocWords
from .parties import SentenceParties

PARTY_TYPES = frozenset({*GRAPH_ENTITY_TYPES, "location"})  # a capital can stand for its state
EVENT_TYPES = UNDIRECTED_TYPES  # cooperation, opposition
SYMMETRIC_TYPES = EVENT_TYPES
AFFILIATION = RELATIONS["affiliation"]


def has_mentions(doc: Doc) -> bool:
    """Return True when `coopgraph_entities` has run on `doc` (even finding no entity)."""
    return doc._.coopgraph_mentions is not None


class RelationExtractor:
    """Find typed relations in each sentence and store them on `doc._.coopgraph_relations`."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        self.check = PrerequisiteCheck(
            name,
            [
                (
                    has_mentions,
                    "coopgraph_entities",
                    "no relation is found",
                ),
                (has_parse, "parser", "no relation is found"),
            ],
        )

    def __call__(self, doc: Doc) -> Doc:
        self.check(doc)
        mentions = sorted(
            (m for m in doc._.coopgraph_mentions or [] if m.type in PARTY_TYPES),
            key=lambda m: m.start_char,
        )
        starts = [m.start_char for m in mentions]
        relations: list[Relation] = []
        previous = PreviousSentence()
        previous_paragraph = -1
        paragraph_events = False
        states: list[Mention] = []
        words = DocWords(doc)
        folded = words.folded
        sents = sentences(doc)
        for sent, paragraph in zip(sents, paragraph_starts(words, sents), strict=True):
            in_sent = mentions[
                bisect_left(starts, sent.start_char) : bisect_left(starts, sent.end_char)
            ]
            if paragraph != previous_paragraph:
                previous = PreviousSentence()
                paragraph_events = False  # an event stated earlier in this paragraph
            found = []
            sent_words = folded[sent.start : sent.end]
            if (in_sent or has_compound(sent_words)) and may_relate(
                in_sent, previous, sent_words
            ):
                parties = SentenceParties(doc, sent, in_sent, words=words)
                found = self.sentence_relations(
                    doc, sent, parties, in_sent, previous.subject, sent_words
                )
                if previous.parties is not None:
                    states.extend(previous.parties.states)
                previous = PreviousSentence(sent, in_sent, parties)
                states.extend(parties.states)
            else:
                previous = PreviousSentence(sent, in_sent, None, words)
            sent_text = sent.text if found else ""
            stated = [
                make_relation(sent_text, sent.start_char, *args, hedged=hedged, trigger=trigger)
                for args, hedged, trigger in found
            ]
            if (
                paragraph_events
                and not any(r.type in EVENT_TYPES for r in stated)
                and unconfirmed_report(sent, sent_words, folded)
            ):
                relations = hedge_paragraph(relations, paragraph)
            relations.extend(stated)
            paragraph_events = paragraph_events or any(r.type in EVENT_TYPES for r in stated)
            previous_paragraph = paragraph
        doc._.coopgraph_relations = dedupe(relations)
        add_capital_states(doc, doc._.coopgraph_relations, states)
        return doc

    def sentence_relations(
        self,
        doc: Doc,
        sent: Span,
        parties: SentenceParties,
        mentions: list[Mention],
        previous_subject: Callable[[], list[Mention]],
        sent_words: list[str],
    ) -> list[Found]:
        """Return the relations of one sentence: ((source, target, type), hedged, trigger)."""
        found: list[Found] = []
        hedged_sentence = None  # read only when a frame needs it
        for frame in FrameFinder(sent, parties, previous_subject).frames():
            for a, b in frame.pairs():
                oriented = orient(a, b, frame.relation)
                if oriented is None:
                    continue
                if hedged_sentence is None:
                    hedged_sentence = hedged_text(sent_words)
                hedged = frame.hedged or hedged_sentence
                found.append(((*oriented, frame.relation), hedged, frame.trigger.text))
        for source, target, kind in PhraseRelations(doc, parties, mentions).relations():
            if source.entity != target.entity:
                found.append(((source, target, kind), False, ""))
        return found


Found = tuple[tuple[Mention, Mention, str], bool, str]


class PreviousSentence:
    """The sentence before, whose main subject "son"/"leur" may refer to; read on demand."""

    def __init__(
        self,
        sent: Span | None = None,
        mentions: list[Mention] | None = None,
        parties: SentenceParties | None = None,
        words: DocWords | None = None,
    ) -> None:
        self.sent = sent
        self.mentions = mentions or []
        self.parties = parties
        self.words = words
        self.subject_mentions: list[Mention] | None = None

    def subject(self) -> list[Mention]:
        """Return the parties of the main subject of the sentence ([] if it names none)."""
        if self.subject_mentions is None:
            if self.sent is None or not self.mentions:
                self.subject_mentions = []
            else:
                if self.parties is None:
                    self.parties = SentenceParties(
                        self.sent.doc, self.sent, self.mentions, words=self.words
                    )
                self.subject_mentions = self.parties.subject_of(self.sent)
        return self.subject_mentions


def may_relate(mentions: list[Mention], previous: PreviousSentence, words: list[str]) -> bool:
    """Return False when a sentence cannot state a relation, so it needs no parse walk.

    Every relation joins two distinct entities: two of the sentence's own, or one of
    them and the subject of the sentence before ("son armement face à X").
    """
    capital_table = capitals()
    entities = {
        m.entity for m in mentions if m.type != "location" or capital_key(m.text) in capital_table
    }
    if len(entities) >= 2 or has_compound(words):  # « franco-allemande » names two
        return True
    return bool(entities) and bool(previous.mentions) and not OPPOSING_ROLES.isdisjoint(words)


def sentences(doc: Doc) -> list[Span]:
    """Return the sentences of `doc` (cheaper than `doc.sents`, which builds every Token)."""
    if len(doc) == 0:
        return []
    flags = doc.to_array(SENT_START).tolist()
    bounds = [i for i, flag in enumerate(flags) if flag == 1]
    if not bounds or bounds[0] != 0:
        bounds.insert(0, 0)
    ends = [*bounds[1:], len(doc)]
    return [doc[start:end] for start, end in zip(bounds, ends, strict=True)]


def add_capital_states(doc: Doc, relations: list[Relation], states: list[Mention]) -> None:
    """Add the countries that only a capital names ("Washington a sanctionné Moscou").

    A relation's ends must be entities of the document for the graph to keep it: the
    capital, read as its state, becomes a country mention (same text and offsets as the
    place mention, which stays) and the country an entity, aliased by the capital.
    """
    known = {entity.id for entity in doc._.coopgraph_entities or []}
    ends = {r.source for r in relations} | {r.target for r in relations}
    added: dict[tuple[int, str], Mention] = {}
    for state in states:
        if state.entity in ends and state.entity not in known:
            added.setdefault((state.start_char, state.entity), state)
    if not added:
        return
    mentions = [*(doc._.coopgraph_mentions or []), *added.values()]
    doc._.coopgraph_mentions = sorted(mentions, key=lambda m: m.start_char)
    grouped: dict[str, list[Mention]] = {}
    for state in added.values():
        grouped.setdefault(state.entity, []).append(state)
    names = country_names()
    doc._.coopgraph_entities = [
        *(doc._.coopgraph_entities or []),
        *(
            Entity(
                id=key,
                label=names.get(key.split(":", 1)[1], key),
                type="country",
                aliases=tuple(dict.fromkeys(m.text for m in group)),
                mentions=len(group),
                country_code=key.split(":", 1)[1],
                furniture=all(m.furniture for m in group),
            )
            for key, group in grouped.items()
        ),
    ]


def orient(a: Mention, b: Mention, kind: str) -> tuple[Mention, Mention] | None:
    """Return the pair in the direction its type wants, or None if the types cannot relate."""
    if kind == "affiliation":
        if a.type in AFFILIATION.source and b.type in AFFILIATION.target:
            return a, b
        if b.type in AFFILIATION.source and a.type in AFFILIATION.target:
            return b, a
        return None
    return (a, b) if a.entity <= b.entity else (b, a)


def paragraph_starts(words: DocWords, sents: list[Span]) -> list[int]:
    """Return, for each sentence, the character offset where the line holding it starts.

    A line break is always in a whitespace token, so the tokens tell where lines start
    without building the doc's text.
    """
    found = []
    line_start = 0
    i = 0
    for sent in sents:
        while i < sent.start:
            word = words.folded[i]
            if "\n" in word:
                line_start = words.idx[i] + word.rfind("\n") + 1
            i += 1
        if words.folded[sent.start].startswith("\n"):
            found.append(words.idx[sent.start] + 1)
        else:
            found.append(line_start)
    return found


def hedge_paragraph(relations: list[Relation], paragraph: int) -> list[Relation]:
    """Mark hedged the cooperation and opposition stated earlier in the same paragraph."""
    return [
        replace_hedged(r) if r.type in EVENT_TYPES and r.start_char >= paragraph else r
        for r in relations
    ]


def replace_hedged(relation: Relation) -> Relation:
    """Return a copy of `relation` marked hedged."""
    return replace(relation, hedged=True)


def make_relation(
    text: str, offset: int, a: Mention, b: Mention, kind: str, *, hedged: bool, trigger: str
) -> Relation:
    """Build a relation record with the sentence `text` at `offset` (stripped) as evidence."""
    start = offset + (len(text) - len(text.lstrip()))
    stripped = text.strip()
    return Relation(
        source=a.entity,
        target=b.entity,
        type=kind,
        sentence=stripped,
        start_char=start,
        end_char=start + len(stripped),
        hedged=hedged,
        furniture=a.furniture or b.furniture,
        trigger=trigger,
    )


def dedupe(relations: list[Relation]) -> list[Relation]:
    """Keep one relation per (pair, type, sentence); it is hedged only if every statement is."""
    seen: dict[tuple, Relation] = {}
    for rel in relations:
        key = (rel.source, rel.target, rel.type, rel.start_char)
        old = seen.get(key)
        if old is None or (old.hedged and not rel.hedged):
            seen[key] = rel
    return list(seen.values())


@Language.factory(
    "coopgraph_relations",
    requires=["token.dep", "doc.sents", "doc._.coopgraph_mentions"],
    assigns=["doc._.coopgraph_relations"],
)
def make_relation_extractor(nlp: Language, name: str) -> RelationExtractor:
    """Build the relation extractor (runs after `coopgraph_entities`)."""
    return RelationExtractor(nlp, name)
