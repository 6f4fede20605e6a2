"""Officials named by their post alone: « le général américain », « la ministre ».

An article names « le général Marc Dubois, chef d'état-major » and, a few sentences on,
writes « le général américain s'est entretenu avec… ». The description stands for that
person when, and only when, the choice is unambiguous:

- it is « le/la/l'/au » + a singular post (`affiliation_heads.jsonl`), optionally + a
  demonym or « de/du + a state »; nothing else follows it (no name, no other complement:
  « le ministre des Affaires étrangères » or « le président Mendes » are left alone);
- exactly one person named in the last `MAX_SENTENCES_BACK` sentences before it holds
  that post: the post right before the name (« le général Marc Dubois ») or in
  apposition right after it (« Marc Dubois, général… »);
- when the description names a state, that person's post names the same state
  (« président du Brésil », « président brésilien »).

Zero or two candidates: no mention. Each resolution is a person mention of the
description's post, the person's own entity, so the relation rules read
it as that person; the demonym or state after it stays the state's mention.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from ..lexicon import read_lexicon
from ..records import Entity, Mention
from ..tokens import sentence_numbers
from .countries import fold
from .group_descriptions import group_mentions, plural_posts
from .organisations import base
from .portfolios import Portfolio, as_minister, portfolio_at

DETERMINERS = frozenset({"le", "la", "l'", "au"})
OF = frozenset({"de", "du", "d'"})
PORTFOLIO_OF = OF | {"des"}  # « le ministre des Armées »
# How far after a name its post may name the state (« chef d'état-major des armées françaises »).
STATE_WINDOW = 10
MAX_SENTENCES_BACK = 5
# After a description, words that make it something other than the bare post.
OPEN_AFTER = frozenset({"de", "du", "des", "d'", "qui"})


@cache
def post_lemmas() -> dict[str, str]:
    """Return folded singular post form → folded lemma (« directrice » → « directeur »)."""
    posts = {}
    for row in read_lexicon("affiliation_heads"):
        for form in [row["lemma"], *row.get("extra_forms", [])]:
            posts[fold(form)] = fold(row["lemma"])
    return posts


def described_persons(
    doc: Doc, mentions: list[Mention], entities: list[Entity]
) -> tuple[list[Mention], list[Entity]]:
    """Return mentions and entities with the resolved post descriptions added."""
    if not doc.has_annotation("SENT_START") or not any(m.type == "person" for m in mentions):
        return mentions, entities
    descriptions = DocDescriptions(doc, mentions)
    found = descriptions.mentions()
    if not found:
        return mentions, entities
    counts: dict[str, int] = {}
    for mention in found:
        counts[mention.entity] = counts.get(mention.entity, 0) + 1
    entities = [
        replace(e, mentions=e.mentions + counts[e.id]) if e.id in counts else e for e in entities
    ]
    return sorted([*mentions, *found], key=lambda m: m.start_char), entities


class DocDescriptions:
    """The post descriptions of one document and the persons they stand for."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.words = [fold(t.text) for t in doc]
        self.sents = sentence_numbers(doc)
        self.posts = post_lemmas()
        self.mention_at: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    self.mention_at[i] = mention
        self.persons = [m for m in mentions if m.type == "person"]
        self.person_tokens = {i for i, m in self.mention_at.items() if m.type == "person"}
        self.country_tokens = {i for i, m in self.mention_at.items() if m.type == "country"}

    def mentions(self) -> list[Mention]:
        """Return the person mentions of the resolved descriptions, in text order."""
        found = []
        plurals = plural_posts()
        for i in range(1, len(self.words)):
            lemma = self.posts.get(self.words[i])
            if lemma is None and self.words[i] in plurals:
                found.extend(group_mentions(self, i, plurals[self.words[i]]))
                continue
            if lemma is None or i in self.mention_at or (i - 1) in self.mention_at:
                continue
            if self.words[i - 1] not in DETERMINERS:
                continue
            state = self.description_state(i)
            if state is None:
                person = self.portfolio_antecedent(i, lemma)
            else:
                person = self.antecedent(i, lemma, state)
            if person is not None:
                found.append(self.mention(i, person))
        return found

    def description_state(self, head: int) -> str | None:
        """Return the state code a description names ("" for none), None if not a description."""
        end, state = head + 1, ""
        country = self.country_at(end)
        if country is not None and self.doc[end].text[:1].islower():
            end, state = end + 1, country  # « le président brésilien »
        elif end + 1 < len(self.words) and self.words[end] in OF:
            country = self.country_at(end + 1)
            if country is None:
                return None  # « le ministre de l'Intérieur »
            end, state = self.mention_end(end + 1), country
        return state if self.ends_bare(head, end) else None

    def ends_bare(self, head: int, end: int) -> bool:
        """Return True when nothing at `end` makes the description more than a post."""
        if end >= len(self.words):
            return True
        if end in self.mention_at or self.words[end] in OPEN_AFTER:
            return False  # « le président Mendes », « le chef de la diplomatie »
        if self.doc[end].text[:1].isupper() and self.sents[end] == self.sents[head]:
            return False  # an unrecognised name after the post
        # « le président kényan, Jean Dupont, a… »: its own name
        return not (self.words[end] == "," and self.is_person(end + 1))

    def portfolio_antecedent(self, head: int, lemma: str) -> str | None:
        """Return the one person before holding the post and portfolio at `head`, or None.

        « le ministre de l'Intérieur a signé… »: « le ministre de l'Intérieur, X » or
        « X, ministre de l'Intérieur » named in the sentences before (`portfolios`).
        """
        if head + 2 >= len(self.words) or self.words[head + 1] not in PORTFOLIO_OF:
            return None
        if self.country_at(head + 2) is not None:
            return None  # « le président du Brésil »: a state, not a portfolio
        end, wanted = self.portfolio(head, lemma)
        if not wanted[1] or not self.ends_bare(head, end):
            return None
        # « le ministre de l'Intérieur italien »: the holder's post names Italy too.
        states = self.states_in(head, end)
        here = self.sents[head]
        first = head
        while first > 0 and self.sents[first - 1] >= here - MAX_SENTENCES_BACK:
            first -= 1
        holders = set()
        for i in range(first, head):
            if self.sents[i] == here or self.posts.get(self.words[i]) is None:
                continue
            end, held = self.portfolio(i, self.posts[self.words[i]])
            if held == wanted and states <= self.states_in(i, end):
                holder = self.holder_of(i, end)
                if holder is not None:
                    holders.add(holder)
        return holders.pop() if len(holders) == 1 else None

    def portfolio(self, post: int, lemma: str) -> tuple[int, tuple[str, Portfolio]]:
        """Return where the complement of a post ends, and its post lemma and portfolio."""
        end, words = portfolio_at(
            self.doc, self.words, post, self.country_tokens, self.person_tokens
        )
        return end, as_minister(lemma, words)

    def states_in(self, post: int, end: int) -> set[str]:
        """Return the states named in the complement of a post, tokens (post, end)."""
        return {code for i in range(post + 1, end) if (code := self.country_at(i)) is not None}

    def holder_of(self, post: int, end: int) -> str | None:
        """Return the person named right after a post and its complement, or right before it.

        « le ministre de l'Intérieur X », « le ministre de l'Intérieur, X, », « X,
        ministre de l'Intérieur »: a name further on is not the holder.
        """
        after = end + 1 if end < len(self.words) and self.words[end] == "," else end
        for i in (after, post - 2 if post >= 2 and self.words[post - 1] == "," else -1):
            if i >= 0 and self.is_person(i):
                return self.mention_at[i].entity
        return None

    def country_at(self, i: int) -> str | None:
        """Return the code of the state mention at token `i`, if any."""
        mention = self.mention_at.get(i)
        if mention is None or mention.type != "country":
            return None
        return mention.entity.split(":", 1)[1]

    def mention_end(self, i: int) -> int:
        """Return the token after the mention that covers token `i`."""
        mention = self.mention_at[i]
        while i < len(self.words) and self.mention_at.get(i) is mention:
            i += 1
        return i

    def antecedent(self, head: int, lemma: str, state: str) -> str | None:
        """Return the entity of the one person before holding the post, or None."""
        holders = self.holders(head, lemma, state)
        return holders[0] if len(holders) == 1 else None

    def holders(self, head: int, lemma: str, state: str = "") -> list[str]:
        """Return the persons named in the sentences before `head` holding the post, in order."""
        here = self.sents[head]
        holders: dict[str, None] = {}
        for person in self.persons:
            span = self.doc.char_span(person.start_char, person.end_char, alignment_mode="expand")
            if span is None or span.end > head:
                continue
            if not here - MAX_SENTENCES_BACK <= self.sents[span.start] < here:
                continue
            post = self.post_of(span.start, span.end, lemma)
            if post is not None and (not state or self.names_state(post, span.end, state)):
                holders[person.entity] = None
        return list(holders)

    def post_of(self, start: int, end: int, lemma: str) -> int | None:
        """Return the token of the post `lemma` written right before or after a name."""
        before = [start - 1, start - 2]  # « le général Dubois », « le président brésilien Mendes »
        if start - 1 >= 0 and self.country_at(start - 1) is None:
            before = [start - 1]
        for i in before:
            if i >= 0 and self.posts.get(self.words[i]) == lemma:
                return i
        if end + 1 < len(self.words) and self.words[end] == ",":
            if self.posts.get(self.words[end + 1]) == lemma:
                return end + 1  # « Dubois, général… »
        return None

    def names_state(self, post: int, end: int, state: str) -> bool:
        """Return True when the post or the words after the name name its state.

        « président du Brésil », « le général Dubois, chef d'état-major des armées
        françaises », « commandant de l'Africom » (a body of that state in the knowledge
        base): up to `STATE_WINDOW` tokens after the name, in its sentence, before any
        other person.
        """
        last = min(max(post, end) + STATE_WINDOW, len(self.words))
        for i in range(post + 1, last):
            if self.sents[i] != self.sents[post] or (i >= end and self.is_person(i)):
                return False
            if self.country_at(i) == state or self.body_state_at(i) == state:
                return True
        return False

    def body_state_at(self, i: int) -> str | None:
        """Return the state of the known organisation at token `i`, if any."""
        mention = self.mention_at.get(i)
        if mention is None or mention.type != "organization":
            return None
        row = base().rows.get(mention.entity)
        return row.country if row is not None and row.country else None

    def is_person(self, i: int) -> bool:
        """Return True when token `i` is in a person mention."""
        mention = self.mention_at.get(i)
        return mention is not None and mention.type == "person"

    def mention(self, head: int, entity: str) -> Mention:
        """Return the person mention of the post at token `head` (no determiner, as states)."""
        span = self.doc[head:head + 1]
        return Mention(
            text=span.text,
            start_char=span.start_char,
            end_char=span.end_char,
            sent=self.sents[head],
            type="person",
            entity=entity,
        )
