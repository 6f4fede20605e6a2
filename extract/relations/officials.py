"""Officials: the person a post's phrase names, and the states and bodies it only describes.

A post noun ("ministre", "directeur", "homologue") heads a phrase that may end with the
name of who holds it, however long the phrase: « le directeur général de la police
nationale tunisienne, M. Ahmed Ben Salah », « son homologue iranien Ali Rezaei ». That
person is the party the phrase stands for when it meets, receives or signs. The states
and organisations inside the phrase (« tunisienne », « de la police ») describe the
official: they relate to other states and bodies, never to a person (« Le général
américain s'est entretenu avec Ahmed Ben Salah » does not make the United States
Ben Salah's partner; `relations.pairs` reads these marks).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.tokens import Span, Token

from ..entities.ministries import is_ministry
from ..lexicon import read_lexicon
from ..records import Mention
from .lexicons import affiliation_heads, fold
from .parse import NameSpan, SentenceParse

# What may stand between a post's phrase and its holder's name, past the comma.
NAME_GLUE = frozenset({",", "le", "la", "l'", "les", "son", "sa", "ses", "leur"})
# Words of a clause, not of a noun phrase: a post's phrase ends before them
# (« le ministre a reçu X », « le ministre, qui a reçu X »). The parser's attachments
# inside long posts are unreliable (« chef d'état-major de l'armée »), so the phrase is
# read left to right rather than as a subtree.
CLAUSE_DEPS = frozenset(
    {
        "ROOT", "nsubj", "nsubj:pass", "csubj", "obj", "iobj", "aux", "aux:tense", "aux:pass",
        "cop", "mark", "expl:comp", "expl:pass", "expl:subj", "ccomp", "xcomp", "advcl",
        "acl:relcl", "parataxis",
    }
)  # fmt: skip
RELATIVES = frozenset({"qui", "que", "qu'", "dont", "ou", "lequel", "laquelle"})
# A name that is a subject or an object of its own is not an apposition.
NOT_APPOSED = frozenset({"nsubj", "nsubj:pass", "obj"})
MAX_PHRASE = 30


@cache
def title_words() -> frozenset[str]:
    """Return the folded titles that may precede a name ("M.", "général", "Dr")."""
    return frozenset(fold(row["title"]).rstrip(".") for row in read_lexicon("titles"))


@cache
def member_posts() -> frozenset[str]:
    """Return the folded posts of belonging, not of acting for a body ("membre", "militant")."""
    return frozenset(
        fold(form) for row in read_lexicon("member_posts") for form in [row["lemma"], *row["forms"]]
    )


def is_post(token: Token, parse: SentenceParse, mention_at: dict[int, Mention]) -> bool:
    """Return True for a post noun outside any name, not a piece of a compound."""
    i = token.i
    if parse.folded[i] not in affiliation_heads() or i in mention_at:
        return False
    # "état-major": a post word glued by a hyphen is part of a compound noun.
    return not (i > 0 and parse.folded[i - 1] == "-")


@cache
def plural_posts() -> frozenset[str]:
    """Return the folded plural forms of the posts ("dirigeants", "responsables")."""
    return frozenset(
        fold(form)
        for row in read_lexicon("affiliation_heads")
        for form in row["forms"]
        if fold(form) != fold(row["lemma"]) and fold(form).endswith(("s", "x"))
    )


def speaks_for_body(word: str) -> bool:
    """Return True for a plural post (folded `word`), which with no name stands for its body.

    « X a rencontré les dirigeants de Saab »: X met Saab's leadership, so Saab is X's
    partner; « le directeur de Saab » with no name is one unnamed official, who stands
    beside Saab rather than for it.
    """
    return word in plural_posts()


def post_holder(
    post: Token,
    parse: SentenceParse,
    mention_at: dict[int, Mention],
    sent_end: int,
    role: Callable[[Token], str],
    name_root: Callable[[Mention], Token],
) -> Mention | None:
    """Return the person named at the end of the phrase of `post`, or None.

    The words from the post to the name must be a noun phrase's (no verb, subject or
    relative pronoun), and past a comma only determiners and titles. « et » ends the
    phrase unless a case-marked complement follows (« de la Sûreté et de la
    Surveillance du territoire »): « le ministre et X » are two people. Another post on
    the way claims the name (« le conseiller du président X » names the president), unless
    it only qualifies a noun (« directeur général ») or ends a compound (« état-major »).
    """
    titles = title_words()
    past_comma = False
    for i in range(post.i + 1, min(sent_end, post.i + MAX_PHRASE)):
        mention = mention_at.get(i)
        token = parse.token(i)
        if mention is not None and mention.type == "person":
            return mention if appositive(name_root(mention), role) else None
        word = parse.folded[i]
        if word == ",":
            past_comma = True
        elif past_comma:
            if word not in NAME_GLUE and word.rstrip(".") not in titles:
                return None
        elif (
            token.dep_ in CLAUSE_DEPS
            or word in RELATIVES
            or (token.dep_ == "cc" and not coordinates_complements(i, parse, sent_end))
            or (token.dep_ != "amod" and is_post(token, parse, mention_at))
        ):
            return None
    return None


def coordinates_complements(i: int, parse: SentenceParse, end: int) -> bool:
    """Return True when the « et » at `i` joins two complements (« de X et de Y »)."""
    j = i + 1
    while j < end and parse.token(j).dep_ in ("det", "case"):
        if parse.token(j).dep_ == "case":
            return True
        j += 1
    return False


def appositive(root: Token, role: Callable) -> bool:
    """Return True when the name whose root is `root` can be a post's holder.

    « l'homologue de X » names X's counterpart, not X; a name that is the subject of
    its own verb (« Après sa rencontre avec le ministre, X a déclaré ») is not apposed.
    """
    return not role(root) and root.dep_ not in NOT_APPOSED


class OfficialParties:
    """The officials' part of `parties.SentenceParties`: who a post stands for.

    A mixin: it reads the sentence's mentions (`at`, `spans`), parse and `parties`
    walk of the class it is mixed into.
    """

    at: dict[int, Mention]
    spans: dict[Mention, NameSpan]
    parse: SentenceParse
    folded: list[str]
    sent: Span
    official_states: set[tuple[int, str]]
    holders: dict[int, Mention | None]

    def represented(self, name: Token) -> list[Mention]:
        """Return the states and bodies a person acts for, from the posts after the name.

        « X, PDG de Dassault Aviation, a signé avec Y »: Dassault Aviation signs too (its
        official's states pair with states only). A post of belonging (« membre du
        Bureau politique ») does not make its body act.
        """
        mention = self.mention(name)
        root = self.name_root(mention) if mention in self.spans else name
        roots = [root]
        if root.dep_ == "appos" and not self.parse.is_root(root):
            # « X, ministre, Y, PDG de Z »: the parser hangs all on X; « le maréchal X,
            # chef de Z »: the post on the title. `name_before` keeps each post its name's.
            roots.append(self.head(root))
        posts = [
            c
            for r in roots
            for c in self.children(r)
            if (c.dep_ == "appos" and self.is_post(c)) or self.compound_post(c)
        ]
        posts += [c for post in posts for c in self.parse.conjuncts(post) if self.is_post(c)]
        found = []
        for post in posts:
            if self.folded[post.i] in member_posts() or self.name_before(post) != mention:
                continue
            # A post names its body deep (« directeur des achats du ministère marocain »).
            states = [m for m in self.parties(post, depth=-2) if m.type != "person"]
            states += self.ministries_states(states)
            self.official_states.update((m.start_char, m.entity) for m in states)
            found += states
        return found

    def ministries_states(self, bodies: list[Mention]) -> list[Mention]:
        """Return the states named inside the ministries of `bodies`: a ministry acts for its state."""
        return [
            country
            for body in bodies
            if is_ministry(body.entity)
            for country in self.spans
            if country.type == "country"
            and body.start_char <= country.start_char
            and country.end_char <= body.end_char
        ]

    def compound_post(self, token: Token) -> bool:
        """Return True for the last part of a hyphenated post the parser hung on the name.

        « X, président-directeur général de Saab »: « directeur » carries « de Saab ».
        """
        i = token.i
        return (
            token.dep_ == "nmod"
            and i - 2 >= self.sent.start
            and self.folded[i - 1] == "-"
            and self.folded[i] in affiliation_heads()
            and self.is_post(self.parse.token(i - 2))
        )

    def apposed_people(self, name: Token) -> list[Mention]:
        """Return the people of an enumeration the parser hung on a name as appositions,
        with the names coordinated with them (« X, ministre, Y, PDG de A et Z, PDG de B »)."""
        mention = self.mention(name)
        found = []
        for child in self.children(self.name_root(mention)):
            other = self.mention(child)
            if child.dep_ != "appos" or not self.is_person(child) or other == mention:
                continue
            for item in [child, *self.parse.conjuncts(child)]:
                if self.is_person(item):
                    found += [self.mention(item), *self.represented(item)]
        return found

    def is_person(self, token: Token) -> bool:
        """Return True when `token` is part of a person's name."""
        mention = self.mention(token)
        return mention is not None and mention.type == "person"

    def name_before(self, post: Token) -> Mention | None:
        """Return the person named last before `post`: the one a post after a name is about."""
        for i in range(post.i - 1, self.sent.start - 1, -1):
            mention = self.at.get(i)
            if mention is not None and mention.type == "person":
                return mention
        return None

    def is_post(self, token: Token) -> bool:
        """Return True for a post noun outside any name (`officials.is_post`)."""
        return is_post(token, self.parse, self.at)

    def titled_names(self, token: Token) -> list[Mention]:
        """Return the name under a title in apposition (« M. Ahmed Ben Salah »)."""
        return [
            own
            for child in self.children(token)
            if child.dep_ in ("flat", "flat:name") and (own := self.own(child)) is not None
        ][:1]

    def post_parties(self, post: Token, found: list[Mention]) -> list[Mention]:
        """Return the holder a post's phrase names, marking what it only describes.

        The states and bodies `found` in the phrase relate to states and bodies only
        (`pairs`), except the bodies of a plural post with no name: « les dirigeants de
        Saab » stand for Saab.
        """
        holder = self.holder(post)
        body = holder is None and speaks_for_body(self.folded[post.i])
        self.official_states.update(
            (m.start_char, m.entity)
            for m in found
            if m.type != "person" and not (body and m.type == "organization")
        )
        return [] if holder is None else [holder]

    def holder(self, post: Token) -> Mention | None:
        """Return the person the phrase of a post noun names (`officials`)."""
        if post.i not in self.holders:
            self.holders[post.i] = post_holder(
                post, self.parse, self.at, self.sent.end, self.role, self.name_root
            )
        return self.holders[post.i]

    def name_root(self, mention: Mention) -> Token:
        """Return the syntactic root of a mention's tokens."""
        return self.spans[mention].root
