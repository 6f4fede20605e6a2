"""Which posts describe a person's name: the post nouns of its appositions.

- before the name: "le ministre marocain Nasser Bourita", "Le président russe, X",
  "le président français d'alors X", "son homologue marocain, le général X"; the
  outermost post of the phrase is the name's ("le conseiller du président, X" is the
  adviser), and a post is someone else's when another name stands between them ("le
  ministre marocain X et Y") or when it is in apposition after an earlier name ("X,
  ministre grec, Y, président de Thales");
- after the name: "X, le chef de la DGSN", "X, 46 ans, conseiller à l'ambassade d'Iran",
  "X, alors directeur de la police", and the chain that continues it after a comma or
  "et" without an article ("..., secrétaire de la Commission et ministre de la Défense");
- "Les présidents français X et brésilien Y": the second demonym is Y's.

What a post names is `affiliation`.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ..lexicon import read_lexicon
from ..records import Mention
from .lexicons import CASE_ROLES, affiliation_heads, fold
from .parse import NameSpan
from .parties import SentenceParties

# How a person attaches to the post noun that describes them, when the parse gets it.
PERSON_TO_HEAD_DEPS = frozenset({"appos", "acl", "flat", "flat:name", "nmod"})
# What may stand between a post's phrase and the name it describes: "son homologue
# marocain, le général Mustafa Rabii".
DETERMINERS = frozenset({"le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "leur", "leurs"})
COORDINATORS = frozenset({"et", "ou"})
# What ends a chain of posts after a name: a clause, a quote, a parenthesis.
CHAIN_STOPS = frozenset({":", ";", "(", "«", "»", '"', "qui", "que", "dont", "lequel", "laquelle"})
# A word in one of these slots heads or helps a clause: a chain of posts stops there.
CLAUSE_DEPS = frozenset(
    {"ROOT", "aux", "aux:tense", "aux:pass", "cop", "acl", "acl:relcl", "advcl", "ccomp",
     "xcomp", "parataxis", "csubj"}
)  # fmt: skip
MAX_GAP = 4
MAX_CHAIN = 6


@cache
def title_words() -> frozenset[str]:
    """Return the folded titles that may precede a name ("général", "M.")."""
    return frozenset(fold(row["title"]) for row in read_lexicon("titles"))


@cache
def affiliation_words(kind: str) -> frozenset[str]:
    """Return the folded words of one kind of the `affiliation_words` lexicon."""
    rows = read_lexicon("affiliation_words")
    return frozenset(fold(row["word"]) for row in rows if row["kind"] == kind)


class PostFinder:
    """Find the post nouns that describe the names of one sentence."""

    def __init__(self, doc: Doc, parties: SentenceParties, mentions: list[Mention]) -> None:
        self.doc = doc
        self.parties = parties
        self.mentions = mentions
        self.heads = affiliation_heads()
        self.titles = title_words()
        self.before_post = affiliation_words("before_post")
        self.folded = parties.folded
        self.sent = parties.sent

    def is_post(self, token: Token) -> bool:
        """Return True for a post noun outside any mention ("chef", "ministre")."""
        word = self.folded[token.i]
        if word.startswith("ex-"):
            word = word[3:]  # "ex-Première ministre", "l'ex-ministre"
        return word in self.heads and self.parties.mention(token) is None

    def person_at(self, i: int) -> bool:
        """Return True when token `i` is part of a person's name."""
        mention = self.parties.at.get(i)
        return mention is not None and mention.type == "person"

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
            found.append(self.outermost(parse.head(root)))
        preceding = self.preceding_post(span)
        if preceding is not None:
            found.append(preceding)
        found.extend(self.following_posts(span))
        found = [post for post in found if not self.someone_elses(post, span)]
        return list(dict.fromkeys(found + [c for post in found for c in self.compound(post)]))

    def outermost(self, post: Token) -> Token:
        """Return the post whose "de" complement holds `post`, if any, up the parse.

        A name after "l'homologue du ministre marocain," is the counterpart's, wherever
        the parser hangs it, as "le conseiller du président, X" is the adviser.
        """
        parse = self.parties.parse
        while (
            post.dep_ == "nmod"
            and self.parties.role(post) == "de"
            and not parse.is_root(post)
            and self.is_post(parse.head(post))
        ):
            post = parse.head(post)
        return post

    def someone_elses(self, post: Token, span: NameSpan) -> bool:
        """Return True when a post before the name describes another person.

        Another name stands between them ("le ministre marocain X et Y"), or the post is in
        apposition after an earlier name and a comma parts it from this one ("X, ministre
        de la Défense grec, Y, président de Thales").
        """
        if post.i >= span.start:
            return False
        if self.named_before(post, span):
            return True
        comma = "," in self.folded[post.i + 1 : span.start]
        return comma and self.describes_earlier_name(post)

    def coordinated_demonym(self, span: NameSpan) -> list[Mention]:
        """Return the country of the second name of "les présidents français X et brésilien Y".

        The demonym before Y is Y's when the first name has its own demonym after the post.
        """
        i = span.start - 1
        demonym = self.parties.at.get(i)
        if demonym is None or demonym.type != "country" or not self.folded[i].islower():
            return []
        if i - 2 < self.sent.start or self.folded[i - 1] not in COORDINATORS:
            return []
        first = self.parties.at.get(i - 2)
        first_span = self.parties.spans.get(first) if first is not None else None
        if first is None or first.type != "person" or first_span is None:
            return []
        j = first_span.start - 1
        before = self.parties.at.get(j)
        if before is None or before.type != "country" or j - 1 < self.sent.start:
            return []
        return [demonym] if self.is_post(self.parties.parse.token(j - 1)) else []

    def compound(self, post: Token) -> list[Token]:
        """Return the second post of a hyphenated one ("président-directeur général")."""
        i = post.i + 2
        if i < self.sent.end and self.folded[post.i + 1] == "-":
            second = self.parties.parse.token(i)
            if self.is_post(second):
                return [second]
        return []

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
                    # "le conseiller de Lula, X": a complement of the post is no rival name
                    if not self.parties.role(other.root):
                        return True
        return False

    def skip_before_post(self, i: int, *, articles: bool) -> int:
        """Return the index past what may precede a post: "alors", "ancien", "46 ans,"."""
        start = i
        while i < self.sent.end and i - start <= MAX_GAP:
            word = self.folded[i]
            if (articles and word in DETERMINERS) or word.removeprefix("ex-") in self.before_post:
                i += 1
            elif word.isdigit() and i + 1 < self.sent.end and self.folded[i + 1] == "ans":
                i += 3 if i + 2 < self.sent.end and self.folded[i + 2] == "," else 2
            else:
                break
        return i

    def following_posts(self, span: NameSpan) -> list[Token]:
        """Return the chain of posts in apposition right after the name.

        "X, le chef de la DGSN", "X, 46 ans, conseiller à l'ambassade d'Iran", "X, alors
        directeur de la police", and the posts that continue it after a comma or "et"
        without an article ("..., secrétaire de la Commission et ministre de la Défense").
        "et le chef ..." is someone else, and so is a post followed by its own name.
        """
        i = span.end
        if i >= self.sent.end or self.folded[i] != ",":
            return []
        i = self.skip_before_post(i + 1, articles=True)
        if i >= self.sent.end or not self.is_post(self.parties.parse.token(i)):
            return []
        chain = [self.parties.parse.token(i)]
        if self.names_after(chain[0]):
            return []  # "X, le président ivoirien Y": the post is Y's
        while len(chain) < MAX_CHAIN:
            following = self.next_in_chain(chain[-1].i + 1)
            if following is None:
                break
            chain.append(following)
        return chain

    def next_in_chain(self, i: int) -> Token | None:
        """Return the next post of a chain, looking from token `i` on, or None."""
        while i < self.sent.end:
            word = self.folded[i]
            token = self.parties.parse.token(i)
            if word in CHAIN_STOPS or token.dep_ in CLAUSE_DEPS or self.person_at(i):
                return None
            if word == "," or word in COORDINATORS:
                j = self.skip_before_post(i + 1, articles=False)
                if j < self.sent.end and self.is_post(self.parties.parse.token(j)):
                    post = self.parties.parse.token(j)
                    return None if self.names_after(post) else post
                if word in COORDINATORS:
                    return None  # "X, ministre, et le chef d'état-major": two people
            i += 1
        return None

    def names_after(self, post: Token) -> bool:
        """Return True when the phrase of `post` ends on a name ("chef, le général Y").

        A name straight after the post's words ("le président ivoirien Y") is one too.
        """
        i = post.i + 1
        while i < self.sent.end and self.folded[i] not in (",", *COORDINATORS):
            if self.person_at(i) or self.folded[i] in CHAIN_STOPS:
                return self.person_at(i)
            i += 1
        if i >= self.sent.end or self.folded[i] != ",":
            return False
        j = i + 1
        while j < self.sent.end and (
            self.folded[j] in DETERMINERS or self.folded[j].rstrip(".") in self.titles
        ):
            j += 1
        return j < self.sent.end and self.person_at(j)

    def preceding_post(self, span: NameSpan) -> Token | None:
        """Return the post noun whose phrase ends right before the name, past commas and titles."""
        i = span.start - 1
        if i >= self.sent.start and self.folded[i] in CASE_ROLES:
            return None  # a complement ("le meurtre de X"), not an apposition
        gap = 0
        while i >= self.sent.start and gap < MAX_GAP:
            word = self.folded[i]
            if word == "alors" and i > self.sent.start and self.folded[i - 1] in ("d'", "de"):
                i -= 1  # "le président français d'alors X"
            elif (
                word not in DETERMINERS
                and word != ","
                and word.rstrip(".") not in self.titles
                and word not in self.before_post
            ):
                break
            i -= 1
            gap += 1
        if i < self.sent.start:
            return None
        last = self.parties.parse.token(i)
        if last.dep_ == "cc":
            return None  # "le ministre qatari et X": X is someone else
        if last.dep_ == "case":
            return None  # "des agents indiens au meurtre de X": X is a complement, no agent
        for candidate in [last, *last.ancestors]:
            if (
                candidate.i > last.i
                or not self.is_post(candidate)
                or self.coordinated(span, candidate)
            ):
                continue
            between = self.doc[candidate.i + 1 : last.i + 1]
            if all(t.is_ancestor(last) or candidate.is_ancestor(t) for t in between):
                return self.outermost(candidate)
        return None

    def coordinated(self, span: NameSpan, post: Token) -> bool:
        """Return True when the name is a conjunct of the post joined by "et"/"ou"."""
        if span.root not in self.parties.parse.conjuncts(post):
            return False
        return any(word in COORDINATORS for word in self.folded[post.i + 1 : span.start])

    def describes_earlier_name(self, post: Token) -> bool:
        """Return True for a post in apposition after an earlier name: "X, ministre grec, Y"."""
        i = post.i - 1
        while i >= self.sent.start and (
            self.folded[i] in DETERMINERS or self.folded[i] in self.before_post
        ):
            i -= 1
        return i > self.sent.start and self.folded[i] == "," and self.person_at(i - 1)
