"""Affiliation (person → organisation or country), part_of (organisation → country or organisation).

Both are read off noun phrases, not verbs:
- a person in apposition with a post (`posts` finds which) serves the
  organisations and countries that post's phrase names: its demonyms and "de"
  complements ("le ministre de la Défense britannique", "chef de la DGSN"), both of "le
  directeur de A et de B", a workplace after "à" ("conseiller à l'ambassade d'Iran"),
  a capital standing for its government ("chef de la mission diplomatique de
  Tel-Aviv"), never a place ("à Rabat", "au Vietnam" for an ambassador); "en <pays>"
  when nothing else is named ("chef de la police en Mauritanie"); an organisation
  and the country of a demonym in its name ("la police nationale française");
- what an organisation belongs to is `owners`; who leads one by a verb
  ("présidée par X", "à la tête de") is `leaders`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Token

from graph.vocabulary import RELATIONS

from ..entities import organisations
from ..lexicon import read_lexicon
from ..records import Mention
from .framing import framing_state
from .leaders import LeaderRelations
from .lexicons import fold
from .owners import OwnerRelations
from .parse import NameSpan
from .parties import SentenceParties
from .posts import PostFinder, affiliation_words

TARGET_TYPES = frozenset(RELATIONS["affiliation"].target)  # organization, country
# Where a post's workplace hangs: "conseiller à l'ambassade d'Iran", "chercheur au CNRS".
WORKPLACE_DEPS = frozenset({"nmod", "obl", "obl:arg", "obl:mod"})
MAX_DEPTH = 3
# The knowledge base's kinds of a state's own bodies (not "international", "armed_group").
STATE_KINDS = frozenset({"intelligence", "police", "security", "armed_forces", "government"})

Found = tuple[Mention, Mention, str]


@cache
def abroad_posts() -> frozenset[str]:
    """Return the folded posts held abroad ("ambassadeur"): where they serve is not whom."""
    return frozenset(
        fold(form)
        for row in read_lexicon("affiliation_heads")
        if row.get("abroad")
        for form in [row["lemma"], *row.get("extra_forms", []), *row.get("forms", [])]
    )


@cache
def portfolio_posts() -> frozenset[str]:
    """Return the folded posts whose "de" complement is a portfolio ("ministre de ...")."""
    return frozenset(fold(row["word"]) for row in read_lexicon("portfolio_heads"))


class PhraseRelations:
    """Find the affiliation and part_of relations of one sentence."""

    def __init__(self, doc: Doc, parties: SentenceParties, mentions: list[Mention]) -> None:
        self.doc = doc
        self.parties = parties
        self.mentions = mentions
        self.posts = PostFinder(doc, parties, mentions)
        self.owned = OwnerRelations(parties, mentions)
        self.is_post = self.posts.is_post
        self.person_at = self.posts.person_at
        self.abroad = abroad_posts()
        self.topics = affiliation_words("topic")
        self.portfolios = portfolio_posts()
        self.counterparts = affiliation_words("counterpart")
        self.ranks = affiliation_words("rank")
        self.state_bodies = affiliation_words("state_body")
        self.folded = parties.folded
        self.sent = parties.sent

    def relations(self) -> Iterator[Found]:
        """Yield (source, target, type) for every affiliation and part_of of the sentence."""
        seen = set()
        frame = framing_state(self.parties, self.mentions)
        for mention in self.mentions:
            span = self.parties.spans.get(mention)
            if span is None or (mention.entity, span.root.i) in seen:
                continue
            seen.add((mention.entity, span.root.i))
            if mention.type == "person":
                for head in self.own_post(span) + self.posts.post_heads(span):
                    for target in self.post_targets(head, depth=0):
                        yield mention, target, "affiliation"
                for target in self.posts.coordinated_demonym(span):
                    yield mention, target, "affiliation"
            elif mention.type == "organization":
                owners = self.owned.owners(mention, span)
                for target in owners:
                    yield mention, target, "part_of"
                if frame is not None and self.framed_body(mention, owners):
                    yield mention, frame, "part_of"
        yield from LeaderRelations(self).relations()

    def own_post(self, span: NameSpan) -> list[Token]:
        """Return the post word a person is named by (« le général américain »), if so.

        `described_persons` makes the post of a description its holder's mention: what
        that post names (its demonym, its body) is the holder's affiliation.
        """
        if span.end - span.start == 1 and self.folded[span.start] in self.posts.heads:
            return [span.root]
        return []

    def post_targets(self, token: Token, *, depth: int) -> list[Mention]:
        """Return the organisations and countries the phrase of a post noun names."""
        found: list[Mention] = []
        abroad = depth == 0 and self.folded[token.i] in self.abroad
        topic = self.folded[token.i] in self.topics
        counterpart = depth == 0 and self.folded[token.i] in self.counterparts
        portfolio = depth == 0 and self.folded[token.i] in self.portfolios
        rank = depth == 0 and self.folded[token.i] in self.ranks
        for child in self.kids(token):
            if self.name_between(token, child):
                continue  # "ministre grec, Pierre Dupont, président de Thales": Dupont's
            role = self.parties.role(child)
            if child.dep_ == "amod":
                if not (topic and child.i == token.i + 1):
                    found.extend(self.phrase_mentions(child, depth=depth))
            elif child.dep_ in ("nmod", "appos") and role in ("", "de"):
                if rank and role == "de" and not self.has_article(child):
                    continue  # "le Général d'Armée X": the rank's name, not an army
                if not (counterpart and role == "de"):
                    found.extend(self.without_portfolio(child, portfolio and role == "de", depth))
            elif child.dep_ == "conj" and role == "de" and not self.is_post(child):
                found.extend(self.without_portfolio(child, portfolio, depth))  # "de A et de B"
            elif child.dep_ in WORKPLACE_DEPS and role == "à" and not abroad:
                found.extend(self.workplace(child, depth=depth))
        if depth == 0 and not found and not abroad:
            found = self.jurisdiction(token)
        return found

    def has_article(self, token: Token) -> bool:
        """Return True when a noun has its own article ("de l'armée", not "d'armée")."""
        return any(c.dep_ == "det" for c in self.parties.children(token))

    def without_portfolio(self, child: Token, portfolio: bool, depth: int) -> list[Mention]:
        """Return the targets of a complement, less a minister's portfolio read as a name.

        The entity rules drop "Intérieur" right after "ministre de", not "le ministre
        français des Armées" nor "des Affaires étrangères et de la Coopération".
        """
        found = self.phrase_mentions(child, depth=depth)
        if not portfolio:
            return found
        own = self.parties.mention(child)
        return [m for m in found if not (m == own and m.type == "organization")]

    def kids(self, token: Token) -> list[Token]:
        """Return the children of `token`, and those of the word it is hyphenated to.

        The tokenizer cuts "état-major" in three and the parser often hangs "major" and
        what follows it ("des armées françaises") elsewhere.
        """
        found = self.parties.children(token)
        i = token.i + 2
        if i < self.sent.end and self.folded[token.i + 1] == "-":
            second = self.parties.parse.token(i)
            if self.parties.parse.head(second) != token and self.parties.mention(second) is None:
                found = [*found, *self.parties.children(second)]
        return found

    def name_between(self, token: Token, child: Token) -> bool:
        """Return True when a person's name stands between a word and its dependent."""
        low, high = sorted((token.i, child.i))
        return any(self.person_at(i) for i in range(low + 1, high))

    def workplace(self, token: Token, *, depth: int) -> list[Mention]:
        """Return where a post is held when it is an institution: "à l'ambassade d'Iran".

        A country or a city after "à" is where the post holder is, not whom they serve.
        """
        own = self.parties.mention(token)
        if own is not None and own.type != "organization":
            return []
        return self.phrase_mentions(token, depth=depth)

    def jurisdiction(self, post: Token) -> list[Mention]:
        """Return the country of "chef de la police en Mauritanie", when nothing else is named."""
        found = []
        words = [post] + [
            c
            for c in self.parties.children(post)
            if c.dep_ == "nmod" and self.parties.role(c) == "de" and self.parties.mention(c) is None
        ]  # "chef de la police en Guinée": the parser often hangs "en Guinée" on "police"
        for child in (c for word in words for c in self.parties.children(word)):
            if "," in self.folded[post.i : child.i]:
                continue  # "le ministre, en Algérie depuis lundi, X": where, not whose
            if child.dep_ == "nmod" and self.parties.role(child) == "en":
                own = self.parties.mention(child)
                if own is not None and own.type == "country":
                    found.append(own)
        return found

    def phrase_mentions(self, token: Token, *, depth: int) -> list[Mention]:
        """Return the targets one modifier names, with its own modifiers and coordinated names."""
        own = self.parties.own(token)
        found = [own] if own is not None and own.type in TARGET_TYPES else []
        if own is not None and own.type == "person":
            return []  # another person ("l'homologue de X"), not a post's institution
        if own is not None and own.type == "organization":
            found.extend(self.qualifying_countries(own))
        if depth < MAX_DEPTH:
            found.extend(self.post_targets(token, depth=depth + 1))
        for conjunct in self.parties.parse.conjuncts(token):
            other = self.parties.own(conjunct)
            if other is not None and other.type in TARGET_TYPES:
                found.append(other)
        return found

    def qualifying_countries(self, organisation: Mention) -> list[Mention]:
        """Return the countries a demonym inside an organisation's name names.

        Who serves « la police nationale française » serves France too, as who serves
        « la police nationale du Maroc » serves Morocco (ANNOTATION.md: a person serves an
        organisation or a country): a demonym in the name says which state the body is
        of. Only a state's body: a researcher at « l'Institut français des relations
        internationales » serves the institute, not France. A people's (« du peuple
        iranien ») is left out, as `owners` leaves it.
        """
        span = self.parties.spans.get(organisation)
        if span is None or not self.is_state_body(organisation):
            return []
        return [
            country
            for country in self.owned.nested_countries(organisation, span)
            if country.text.islower()
        ]

    def framed_body(self, organisation: Mention, owners: list[Mention]) -> bool:
        """Return True for a state body with no state of its own in the sentence (`framing`)."""
        return not any(o.type == "country" for o in owners) and self.is_state_body(organisation)

    def is_state_body(self, organisation: Mention) -> bool:
        """Return True for a state's body: its ministries, police, army, embassies...

        Known to the knowledge base by its kind, else by the noun its name opens with
        (« Sûreté nationale mauritanienne », « ministère tunisien de la Défense »).
        """
        known = organisations.base().rows.get(organisation.entity)
        if known is not None:
            return known.kind in STATE_KINDS
        words = organisation.text.split()
        return bool(words) and fold(words[0]) in self.state_bodies
