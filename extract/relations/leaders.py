"""Who leads, heads or represents an organisation or a state, said with a verb or an idiom.

- a leading verb (`leader_verbs` lexicon): "X dirige la DGSI", "X préside la Commission",
  "X représente la France", and their passives "le gang, dirigé par X", "le Brésil sera
  représenté par le conseiller du président, X": X is affiliated;
- "à la tête de": "X est à la tête de l'armée", "l'arrivée de X à la tête de Taïwan",
  "le ministre X, à la tête d'une délégation marocaine"; "la présidence de" as an object:
  "X, qui exerce la présidence tournante de l'Union africaine";
- "dont X est membre": "l'Union africaine, dont le Maroc est membre" (part_of for a state
  or an organisation, affiliation for a person).

A person is a name, or a post noun that a name holds ("le conseiller ..., X": the posts
`PhraseRelations` reads for each name). Only an organisation or a state is led.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from graph.vocabulary import RELATIONS

from ..lexicon import read_lexicon
from ..records import Mention
from .clauses import looks_nominal
from .lexicons import fold

if TYPE_CHECKING:
    from .affiliation import PhraseRelations

TARGET_TYPES = frozenset(RELATIONS["affiliation"].target)  # organization, country
AGENT_DEPS = frozenset({"obl:agent"})
PASSIVE_DEPS = frozenset({"nsubj:pass"})
SUBJECT_DEPS = frozenset({"nsubj"})
# The noun a participle qualifies: "le gang, dirigé par X".
PARTICIPLE_DEPS = frozenset({"acl", "acl:relcl"})

Found = tuple[Mention, Mention, str]


@cache
def leader_verbs() -> frozenset[str]:
    """Return the folded forms of the verbs that say who leads or represents a party."""
    return frozenset(fold(form) for row in read_lexicon("leader_verbs") for form in row["forms"])


class LeaderRelations:
    """Find who leads or represents whom in one sentence."""

    def __init__(self, phrases: PhraseRelations) -> None:
        self.phrases = phrases
        self.parties = phrases.parties
        self.parse = phrases.parties.parse
        self.folded = phrases.folded
        self.sent = phrases.sent
        self.holders: dict[int, list[Mention]] | None = None

    def relations(self) -> Iterator[Found]:
        """Yield (source, target, type) for every leader or member the sentence names."""
        verbs = leader_verbs()
        for i in range(self.sent.start, self.sent.end):
            word = self.folded[i]
            if word in verbs:
                token = self.parse.token(i)
                yield from self.pairs(self.verb_leaders(token), self.verb_led(token))
            elif word == "tete":
                yield from self.head_of(self.parse.token(i))
            elif word == "presidence":
                yield from self.presidency(self.parse.token(i))
            elif word == "dont":
                yield from self.member_of(self.parse.token(i))

    def pairs(self, leaders: list[Mention], led: list[Mention]) -> Iterator[Found]:
        """Yield the affiliation of each leader with each party it leads."""
        for person in leaders:
            for party in led:
                yield person, party, "affiliation"

    # --- verbs ------------------------------------------------------------------------

    def verb_leaders(self, verb: Token) -> list[Mention]:
        """Return who leads: the agent of a passive, else the subject of an active verb."""
        children = self.parse.children(verb)
        agents = [c for c in children if c.dep_ in AGENT_DEPS or self.parties.role(c) == "par"]
        if agents:
            return [p for c in agents for p in self.persons(c)]
        if self.passive(verb):
            return []
        return self.clause_persons(verb)

    def verb_led(self, verb: Token) -> list[Mention]:
        """Return who is led: the noun a participle qualifies, a passive subject, an object."""
        children = self.parse.children(verb)
        subject = any(c.dep_ in SUBJECT_DEPS for c in children)
        if verb.dep_ in PARTICIPLE_DEPS and not subject and not self.parse.is_root(verb):
            return self.party(self.parse.head(verb), modifiers=True)
        if self.passive(verb):
            return [p for c in children if c.dep_ in PASSIVE_DEPS for p in self.party(c)]
        return [p for c in children if c.dep_ == "obj" for p in self.party(c)]

    def passive(self, verb: Token) -> bool:
        """Return True for a passive verb ("sera représenté")."""
        return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in self.parse.children(verb))

    # --- "à la tête de", "dont X est membre" -------------------------------------------

    def head_of(self, tete: Token) -> Iterator[Found]:
        """Yield who is "à la tête de" what."""
        children = self.parse.children(tete)
        if self.parties.role(tete) != "à" or not any(self.folded[c.i] == "la" for c in children):
            return
        led = [
            p
            for c in children
            if c.dep_ == "nmod" and self.parties.role(c) == "de"
            for p in self.party(c, modifiers=True)
        ]
        if not led:
            return
        leaders = [p for c in children if c.dep_ in SUBJECT_DEPS for p in self.persons(c)]
        if not leaders and not self.parse.is_root(tete):
            head = self.parse.head(tete)
            leaders = self.persons(head)
            if not leaders and looks_nominal(head, self.parse):
                # "l'arrivée de X à la tête de ...": the noun's own "de" complement
                leaders = [
                    p
                    for c in self.parse.children(head)
                    if self.parties.role(c) == "de"
                    for p in self.persons(c)
                ]
            elif not leaders:
                leaders = [
                    p
                    for c in self.parse.children(head)
                    if c.dep_ in SUBJECT_DEPS
                    for p in self.persons(c)
                ]
        yield from self.pairs(leaders, led)

    def presidency(self, noun: Token) -> Iterator[Found]:
        """Yield who holds "la présidence de" what: "X, qui exerce la présidence de la CELAC"."""
        if noun.dep_ != "obj" or self.parse.is_root(noun):
            return
        led = [
            p
            for c in self.parse.children(noun)
            if c.dep_ == "nmod" and self.parties.role(c) == "de"
            for p in self.party(c)
        ]
        if led:
            yield from self.pairs(self.clause_persons(self.parse.head(noun)), led)

    def clause_persons(self, verb: Token) -> list[Mention]:
        """Return the persons a verb's subject names, through a relative "qui"."""
        found = []
        for child in self.parse.children(verb):
            if child.dep_ not in SUBJECT_DEPS:
                continue
            if self.folded[child.i] == "qui" and verb.dep_ == "acl:relcl":
                found.extend(self.persons(self.parse.head(verb)))
            else:
                found.extend(self.persons(child))
        return found

    def member_of(self, dont: Token) -> Iterator[Found]:
        """Yield "l'Union africaine, dont le Maroc est membre": Morocco is part of the Union."""
        member = self.parse.head(dont)
        if dont.dep_ != "nmod" or member.dep_ not in SUBJECT_DEPS:
            return
        post = self.parse.head(member)
        if not self.phrases.is_post(post) or not any(
            c.dep_ == "cop" for c in self.parse.children(post)
        ):
            return
        if self.parse.is_root(post):
            return
        group = self.parties.own(self.parse.head(post))
        if group is None or group.type not in TARGET_TYPES:
            return
        for party in self.persons(member):
            yield party, group, "affiliation"
        own = self.parties.own(member)
        if own is not None and own.type in TARGET_TYPES and group.type == "organization":
            yield own, group, "part_of"

    # --- who a phrase is ---------------------------------------------------------------

    def persons(self, token: Token) -> list[Mention]:
        """Return the person a phrase names: a name, or the name holding a post noun."""
        own = self.parties.mention(token)
        if own is not None:
            return [own] if own.type == "person" else []
        if not self.phrases.is_post(token):
            return []
        return self.post_holders().get(token.i, [])

    def post_holders(self) -> dict[int, list[Mention]]:
        """Return post token index → the names holding that post, computed once."""
        if self.holders is None:
            self.holders = {}
            for mention in self.phrases.mentions:
                span = self.parties.spans.get(mention)
                if mention.type != "person" or span is None:
                    continue
                for post in self.phrases.posts.post_heads(span):
                    self.holders.setdefault(post.i, []).append(mention)
        return self.holders

    def party(self, token: Token, *, modifiers: bool = False) -> list[Mention]:
        """Return the organisation or state a phrase names ("une délégation marocaine")."""
        own = self.parties.own(token)
        if own is not None:
            return [own] if own.type in TARGET_TYPES else []
        if not modifiers:
            return []
        found = []
        for child in self.parse.children(token):
            role = self.parties.role(child)
            # "une délégation marocaine", "la mission de l'ONU", "le gang Grand Ravine"
            if child.dep_ == "amod" or (child.dep_ in ("nmod", "appos") and role in ("", "de")):
                other = self.parties.own(child)
                if other is not None and other.type in TARGET_TYPES:
                    found.append(other)
        return found
