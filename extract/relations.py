"""Typed relations between the entities of a sentence, read off the dependency parse.

A relation is stated, never inferred from two names sharing a sentence: a trigger word
(from the `triggers` lexicon) must link the parties through the parse, as coordinated
subjects of the trigger's clause, or as its subject and an "avec"/"entre" complement.
"""

from __future__ import annotations

from itertools import combinations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import register_extensions
from .lexicon import read_lexicon, strip_accents
from .records import GRAPH_ENTITY_TYPES, Mention, Relation

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
COMPLEMENT_DEPS = frozenset({"obl", "obl:arg", "obl:mod", "nmod", "obj", "iobj"})
PARTNER_CASES = frozenset({"avec", "entre"})
NEGATIONS = frozenset({"pas", "jamais", "plus", "aucun", "aucune", "nullement"})


CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj"})


def fold(text: str) -> str:
    """Return the matching key of a word: lower case, no accents ("Entraînés" → "entraines")."""
    return strip_accents(text).lower()


def trigger_table() -> dict[str, str]:
    """Return folded word form → relation type, from the `triggers` lexicon."""
    table = {}
    for row in read_lexicon("triggers"):
        for form in [row["lemma"], *row.get("forms", [])]:
            table.setdefault(fold(form), row["relation"])
    return table


def clause_head(token: Token) -> Token:
    """Return the head of the clause `token` belongs to (the token itself if it heads one)."""
    while (
        token.dep_ not in CLAUSE_DEPS
        and not any(child.dep_ in SUBJECT_DEPS for child in token.children)
        and token.head is not token
    ):
        token = token.head
    return token


def is_negated(verb: Token) -> bool:
    """Return True when the clause says the opposite ("n'a pas signé")."""
    return any(child.lower_ in NEGATIONS and child.dep_ == "advmod" for child in verb.children)


def with_conjuncts(token: Token) -> list[Token]:
    """Return `token` and the tokens coordinated with it ("le Maroc et le Qatar")."""
    return [token, *token.conjuncts]


def parties_of(verb: Token, trigger: Token) -> list[Token]:
    """Return the head tokens of the parties the clause of `verb` relates."""
    parties: list[Token] = []
    for head in {verb, trigger}:
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS:
                parties.extend(with_conjuncts(child))
            elif child.dep_ in COMPLEMENT_DEPS and any(
                c.lower_ in PARTNER_CASES for c in child.children if c.dep_ == "case"
            ):
                parties.extend(with_conjuncts(child))
    return parties


class RelationExtractor:
    """Find typed relations in each sentence and store them on `doc._.coopgraph_relations`."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        self.triggers = trigger_table()

    def __call__(self, doc: Doc) -> Doc:
        mentions = [m for m in doc._.coopgraph_mentions or [] if m.type in GRAPH_ENTITY_TYPES]
        relations: list[Relation] = []
        for sent in doc.sents:
            in_sent = [m for m in mentions if sent.start_char <= m.start_char < sent.end_char]
            if len(in_sent) >= 2:
                relations.extend(self.sentence_relations(doc, sent, in_sent))
        doc._.coopgraph_relations = dedupe(relations)
        return doc

    def sentence_relations(self, doc: Doc, sent: Span, mentions: list[Mention]) -> list[Relation]:
        """Return the relations one sentence states."""
        by_token = {}
        for mention in mentions:
            span = doc.char_span(mention.start_char, mention.end_char)
            if span is not None:
                by_token[span.root.i] = mention
        found = []
        for token in sent:
            kind = self.triggers.get(fold(token.text))
            if kind is None:
                continue
            verb = clause_head(token)
            if is_negated(verb):
                continue
            parties = {by_token[t.i].entity: by_token[t.i] for t in parties_of(verb, token) if t.i in by_token}
            for a, b in combinations(sorted(parties), 2):
                found.append(make_relation(sent, parties[a], parties[b], kind))
        return found


def make_relation(sent: Span, a: Mention, b: Mention, kind: str) -> Relation:
    """Build a relation record with the sentence as evidence."""
    return Relation(
        source=a.entity,
        target=b.entity,
        type=kind,
        sentence=sent.text.strip(),
        start_char=sent.start_char,
        end_char=sent.end_char,
        furniture=a.furniture or b.furniture,
    )


def dedupe(relations: list[Relation]) -> list[Relation]:
    """Keep one relation per (pair, type, sentence)."""
    seen = {}
    for rel in relations:
        seen.setdefault((rel.source, rel.target, rel.type, rel.start_char), rel)
    return list(seen.values())


@Language.factory(
    "coopgraph_relations",
    requires=["token.dep", "doc._.coopgraph_mentions"],
    assigns=["doc._.coopgraph_relations"],
)
def make_relation_extractor(nlp: Language, name: str) -> RelationExtractor:
    """Build the relation extractor (runs after `coopgraph_entities`)."""
    return RelationExtractor(nlp, name)
