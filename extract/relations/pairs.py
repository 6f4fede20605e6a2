"""A trigger's frame: the parties it relates, and which pairs of them it relates.

`frames.FrameFinder` fills a `Frame` per trigger word; `Frame.pairs` turns its
agents, partners and "entre" groups into related pairs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations

from spacy.tokens import Token

from ..records import Mention


@dataclass
class Frame:
    """The parties one trigger relates, and how sure the text is."""

    relation: str
    trigger: Token
    agents: list[Mention] = field(default_factory=list)
    partners: list[Mention] = field(default_factory=list)
    groups: list[list[Mention]] = field(default_factory=list)
    mutual: bool = False
    hedged: bool = False
    # (start_char, entity) of the states and bodies named only inside an official's post
    # (« le général américain »): they stand beside an unnamed person, so they relate to
    # states and bodies, not to persons.
    officials: set[tuple[int, str]] = field(default_factory=set)

    def pairs(self) -> Iterator[tuple[Mention, Mention]]:
        """Yield each related pair once."""
        pairs = []
        if self.partners:
            same_kind = has_person(self.agents) and has_person(self.partners)
            same_kind = same_kind and not (is_uniform(self.agents) and is_uniform(self.partners))
            pairs += [
                (a, b)
                for a in self.agents
                for b in self.partners
                if not same_kind or (a.type == "person") == (b.type == "person")
            ]
        elif self.mutual:
            pairs += side_pairs(self.agents)
        for group in self.groups:
            pairs += side_pairs(group)
        seen = set()
        for a, b in pairs:
            key = frozenset((a.entity, b.entity))
            if self.official_with_person(a, b):
                continue
            if a.entity != b.entity and key not in seen:
                seen.add(key)
                yield a, b


    def official_with_person(self, a: Mention, b: Mention) -> bool:
        """Return True when a person is paired with a state that only an official's post names.

        « Le général américain a rencontré Ahmed Ben Salah »: an American official met Ben
        Salah; the United States as a state is not his partner.
        """
        if (a.type == "person") == (b.type == "person"):
            return False
        other = b if a.type == "person" else a
        return (other.start_char, other.entity) in self.officials


def has_person(mentions: list[Mention]) -> bool:
    """Return True when one of `mentions` is a person."""
    return any(m.type == "person" for m in mentions)


def is_uniform(mentions: list[Mention]) -> bool:
    """Return True when `mentions` are all persons or all not persons."""
    return len({m.type == "person" for m in mentions}) <= 1


def side_pairs(mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Return the pairs of coordinated parties.

    Officials named with their states ("le ministre espagnol X et son homologue marocain
    Y") pair person with person and state with state: X does not cooperate with Morocco
    as a state, his country does.
    """
    pairs = list(combinations(mentions, 2))
    if sum(m.type == "person" for m in mentions) >= 2 and not is_uniform(mentions):
        pairs = [(a, b) for a, b in pairs if (a.type == "person") == (b.type == "person")]
    return pairs
