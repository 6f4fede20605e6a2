"""Typed relations between the entities of a sentence, read off the dependency parse.

A relation is stated, never inferred from two names sharing a sentence:
- cooperation and opposition need a trigger word (`triggers` lexicon) or a "contre" /
  "face à" complement that links the parties through the parse (`relation_frames`);
- affiliation and part_of are read off appositions and modifiers (`relation_affiliation`).
A denied statement ("n'a pas signé", "a refusé de coopérer", "aucun accord") yields
nothing; a conditional or unconfirmed one is kept with `hedged=True`
(`relation_modality`). Each relation carries its sentence as evidence.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extensions import register_extensions
from .records import GRAPH_ENTITY_TYPES, Mention, Relation
from .relation_affiliation import PhraseRelations
from .relation_frames import FrameFinder
from .relation_modality import hedged_text, unconfirmed_report
from .relation_parties import SentenceParties

PARTY_TYPES = frozenset({*GRAPH_ENTITY_TYPES, "location"})  # a capital can stand for its state
EVENT_TYPES = frozenset({"cooperation", "opposition"})
SYMMETRIC_TYPES = EVENT_TYPES


class RelationExtractor:
    """Find typed relations in each sentence and store them on `doc._.coopgraph_relations`."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        mentions = [m for m in doc._.coopgraph_mentions or [] if m.type in PARTY_TYPES]
        relations: list[Relation] = []
        previous_subject: list[Mention] = []
        previous_paragraph = -1
        text = doc.text  # built anew on each access
        for sent in doc.sents:
            in_sent = [m for m in mentions if sent.start_char <= m.start_char < sent.end_char]
            paragraph = paragraph_start(text, sent)
            if paragraph != previous_paragraph:
                previous_subject = []
            found = []
            if in_sent:
                parties = SentenceParties(doc, sent, in_sent)
                found = self.sentence_relations(doc, sent, parties, in_sent, previous_subject)
                previous_subject = parties.subject_of(sent)
            else:
                previous_subject = []
            if (
                not any(r.type in EVENT_TYPES for r in found)
                and any(r.type in EVENT_TYPES and r.start_char >= paragraph for r in relations)
                and unconfirmed_report(sent)
            ):
                relations = hedge_paragraph(relations, paragraph)
            relations.extend(found)
            previous_paragraph = paragraph
        doc._.coopgraph_relations = dedupe(relations)
        return doc

    def sentence_relations(
        self,
        doc: Doc,
        sent: Span,
        parties: SentenceParties,
        mentions: list[Mention],
        previous_subject: list[Mention],
    ) -> list[Relation]:
        """Return the relations one sentence states."""
        found = []
        hedged_sentence = hedged_text(sent)
        for frame in FrameFinder(sent, parties, previous_subject).frames():
            for a, b in frame.pairs():
                oriented = orient(a, b, frame.relation)
                if oriented is not None:
                    found.append(
                        make_relation(
                            sent,
                            *oriented,
                            frame.relation,
                            hedged=frame.hedged or hedged_sentence,
                            trigger=frame.trigger.text,
                        )
                    )
        for source, target, kind in PhraseRelations(doc, parties, mentions).relations():
            if source.entity != target.entity:
                found.append(make_relation(sent, source, target, kind, hedged=False, trigger=""))
        return found


def orient(a: Mention, b: Mention, kind: str) -> tuple[Mention, Mention] | None:
    """Return the pair in the direction its type wants, or None if the types cannot relate."""
    if kind == "affiliation":
        if a.type == "person" and b.type in ("organization", "country"):
            return a, b
        if b.type == "person" and a.type in ("organization", "country"):
            return b, a
        return None
    return (a, b) if a.entity <= b.entity else (b, a)


def paragraph_start(text: str, sent: Span) -> int:
    """Return the character offset where the line holding `sent` starts."""
    return text.rfind("\n", 0, sent.start_char + 1) + 1


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
    sent: Span, a: Mention, b: Mention, kind: str, *, hedged: bool, trigger: str
) -> Relation:
    """Build a relation record with the sentence (without surrounding blanks) as evidence."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
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
    requires=["token.dep", "doc._.coopgraph_mentions"],
    assigns=["doc._.coopgraph_relations"],
)
def make_relation_extractor(nlp: Language, name: str) -> RelationExtractor:
    """Build the relation extractor (runs after `coopgraph_entities`)."""
    return RelationExtractor(nlp, name)
