"""Affiliation (person → organisation or country), part_of (organisation → country or organisation).

Both are read off noun phrases, not verbs:
- a person in apposition with a post ("Abdellatif Hammouchi, le chef de la DGSN",
  "le ministre marocain Nasser Bourita", "son homologue marocain, le général X") serves
  the organisations and countries that post's phrase names, including a capital standing
  for its government ("chef de la mission diplomatique de Tel-Aviv"), never a place
  ("à Rabat");
- an organisation modified by a country or another organisation ("la DGSN du Maroc",
  "la police marocaine", a demonym inside the organisation's name) belongs to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Token

from graph.vocabulary import RELATIONS

from ..lexicon import read_lexicon
from ..records import Mention
from .lexicons import affiliation_heads, fold
from .parse import NameSpan
from .parties import SentenceParties

TARGET_TYPES = frozenset(RELATIONS["affiliation"].target)  # organization, country
# How a person attaches to the post noun that describes them, when the parse gets it.
PERSON_TO_HEAD_DEPS = frozenset({"appos", "acl", "flat", "flat:name", "nmod"})
# What may stand between a post's phrase and the name it describes: "son homologue
# marocain, le général Mustafa Rabii".
DETERMINERS = frozenset({"le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "leur", "leurs"})
MAX_GAP = 4
MAX_DEPTH = 3

Found = tuple[Mention, Mention, str]


@cache
def title_words() -> frozenset[str]:
    """Return the folded titles that may precede a name ("général", "M.")."""
    return frozenset(fold(row["title"]) for row in read_lexicon("titles"))


class PhraseRelations:
    """Find the affiliation and part_of relations of one sentence."""

    def __init__(self, doc: Doc, parties: SentenceParties, mentions: list[Mention]) -> None:
        self.doc = doc
        self.parties = parties
        self.mentions = mentions
        self.heads = affiliation_heads()
        self.titles = title_words()

    def relations(self) -> Iterator[Found]:
        """Yield (source, target, type) for every affiliation and part_of of the sentence."""
        seen = set()
        for mention in self.mentions:
            span = self.parties.spans.get(mention)
            if span is None or (mention.entity, span.root.i) in seen:
                continue
            seen.add((mention.entity, span.root.i))
            if mention.type == "person":
                for head in self.post_heads(span):
                    for target in self.post_targets(head, depth=0):
                        yield mention, target, "affiliation"
            elif mention.type == "organization":
                for target in self.owners(mention, span):
                    yield mention, target, "part_of"

    def is_post(self, token: Token) -> bool:
        """Return True for a post noun outside any mention ("chef", "ministre")."""
        return self.parties.folded[token.i] in self.heads and self.parties.mention(token) is None

    def post_heads(self, span: NameSpan) -> list[Token]:
        """Return the post nouns a person's name is in apposition with."""
        root = span.root
        parse = self.parties.parse
        found = [c for c in parse.children(root) if c.dep_ == "appos" and self.is_post(c)]
        if (
            root.dep_ in PERSON_TO_HEAD_DEPS
            and self.is_post(parse.head(root))
            and not self.parties.role(root)
        ):
            found.append(parse.head(root))
        for post in (self.preceding_post(span), self.following_post(span)):
            if post is not None:
                found.append(post)
        return [post for post in dict.fromkeys(found) if not self.named_before(post, span)]

    def named_before(self, post: Token, span: NameSpan) -> bool:
        """Return True when another person's name stands between a post and this name.

        A post describes the name that follows it: in "le ministre marocain X et son
        homologue espagnol Y", "ministre" is X's even where the parser hangs Y on it.
        """
        if post.i >= span.start:
            return False
        for mention in self.mentions:
            other = self.parties.spans.get(mention)
            if mention.type == "person" and other is not None and other.start != span.start:
                if post.i < other.start and other.end <= span.start:
                    return True
        return False

    def following_post(self, span: NameSpan) -> Token | None:
        """Return the post noun of an apposition right after the name ("X, le chef de ...")."""
        i = span.end
        if i >= self.parties.sent.end or self.parties.folded[i] != ",":
            return None
        i += 1
        while (
            i < self.parties.sent.end
            and i - span.end <= MAX_GAP
            and self.parties.folded[i] in DETERMINERS
        ):
            i += 1
        if i < self.parties.sent.end and self.is_post(self.parties.parse.token(i)):
            return self.parties.parse.token(i)
        return None

    def preceding_post(self, span: NameSpan) -> Token | None:
        """Return the post noun whose phrase ends right before the name, past commas and titles."""
        i = span.start - 1
        gap = 0
        while i >= self.parties.sent.start and gap < MAX_GAP:
            word = self.parties.folded[i]
            if word not in DETERMINERS and word != "," and word.rstrip(".") not in self.titles:
                break
            i -= 1
            gap += 1
        if i < self.parties.sent.start:
            return None
        last = self.parties.parse.token(i)
        if last.dep_ == "cc":
            return None  # "le ministre qatari et X": X is someone else
        for candidate in [last, *last.ancestors]:
            if (
                candidate.i > last.i
                or not self.is_post(candidate)
                or span.root in self.parties.parse.conjuncts(candidate)
            ):
                continue
            between = self.doc[candidate.i + 1 : last.i + 1]
            if all(t.is_ancestor(last) or candidate.is_ancestor(t) for t in between):
                return candidate
        return None

    def post_targets(self, token: Token, *, depth: int) -> list[Mention]:
        """Return the organisations and countries the phrase of a post noun names."""
        found: list[Mention] = []
        for child in self.parties.children(token):
            role = self.parties.role(child)
            if child.dep_ == "amod" or (child.dep_ in ("nmod", "appos") and role in ("", "de")):
                found.extend(self.phrase_mentions(child, depth=depth))
        return found

    def phrase_mentions(self, token: Token, *, depth: int) -> list[Mention]:
        """Return the targets one modifier names, with its own modifiers and coordinated names."""
        own = self.parties.own(token)
        found = [own] if own is not None and own.type in TARGET_TYPES else []
        if own is not None and own.type == "person":
            return []  # another person ("l'homologue de X"), not a post's institution
        if depth < MAX_DEPTH:
            found.extend(self.post_targets(token, depth=depth + 1))
        for conjunct in self.parties.parse.conjuncts(token):
            other = self.parties.own(conjunct)
            if other is not None and other.type in TARGET_TYPES:
                found.append(other)
        return found

    def owners(self, mention: Mention, span: NameSpan) -> list[Mention]:
        """Return the countries and organisations an organisation belongs to."""
        found = [
            other
            for other in self.mentions
            if other.type == "country"
            and mention.start_char <= other.start_char
            and other.end_char <= mention.end_char
        ]
        for i in range(span.start, span.end):
            for child in self.parties.parse.kids_of(i):
                if child.i in range(span.start, span.end) or self.parties.mention(child) == mention:
                    continue
                role = self.parties.role(child)
                if child.dep_ == "amod" or (child.dep_ == "nmod" and role == "de"):
                    own = self.parties.own(child)
                    if own is not None and own.type in TARGET_TYPES:
                        found.append(own)
        return [m for m in found if m.entity != mention.entity]
