"""A cheap view of one sentence's parse for the relation walks.

Each `token.children`, `token.head` or `doc[i]` builds a new spaCy `Token`; the walks
of relation extraction ask for the same ones many times. `DocWords` reads the folded
words and the heads of a whole doc from arrays, without building Tokens;
`SentenceParse` builds each Token of one sentence once and answers `children` and
`head` from lists.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import HEAD, IDX, ORTH
from spacy.tokens import Doc, Span, Token

from .lexicons import fold

FOLDED_ORTH: dict[int, str] = {}
MAX_FOLDED_ORTH = 200_000


class DocWords:
    """The folded text and the head index of every token of a doc."""

    def __init__(self, doc: Doc) -> None:
        if len(FOLDED_ORTH) > MAX_FOLDED_ORTH:
            FOLDED_ORTH.clear()
        strings = doc.vocab.strings
        folded = []
        for orth in doc.to_array(ORTH).tolist():
            word = FOLDED_ORTH.get(orth)
            if word is None:
                word = FOLDED_ORTH[orth] = fold(strings[orth])
            folded.append(word)
        self.folded = folded
        offsets = doc.to_array(HEAD).astype("int64").tolist() if len(doc) else []
        self.heads = [i + offset for i, offset in enumerate(offsets)]
        self.idx: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
        self.doc = doc

    def token_range(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """Return the tokens overlapping a character range (`doc.char_span(..., "expand")`)."""
        start = max(bisect_right(self.idx, start_char) - 1, 0)
        end = bisect_left(self.idx, end_char)
        return (start, end) if start < end else None

    def depth(self, i: int) -> int:
        """Return how many heads separate token `i` from its sentence root."""
        steps = 0
        while self.heads[i] != i and steps < len(self.heads):
            i = self.heads[i]
            steps += 1
        return steps


class NameSpan:
    """The tokens [start, end) of a mention in a sentence, with its syntactic root."""

    __slots__ = ("start", "end", "parse", "found_root")

    def __init__(self, start: int, end: int, parse: SentenceParse) -> None:
        self.start = start
        self.end = end
        self.parse = parse
        self.found_root: Token | None = None

    @property
    def root(self) -> Token:
        """Return the token nearest the sentence root, the first one on a tie (`Span.root`)."""
        if self.found_root is None:
            self.found_root = self.parse.token(self.parse.root_index(self.start, self.end))
        return self.found_root


class SentenceParse:
    """The Tokens of one sentence, built once, with their children and heads."""

    def __init__(self, sent: Span, words: DocWords) -> None:
        self.start = sent.start
        self.doc = sent.doc
        self.words = words
        # Built on first use: most words of a sentence are never visited.
        self.built: list[Token | None] = [None] * len(sent)
        self.folded = words.folded
        kids: list[list[int]] = [[] for _ in self.built]
        self.heads = words.heads[sent.start : sent.end]
        for i, head in enumerate(self.heads, start=sent.start):
            if head != i and sent.start <= head < sent.end:
                kids[head - sent.start].append(i - sent.start)
        self.kids = kids
        self.child_lists: list[list[Token] | None] = [None] * len(kids)

    def token(self, i: int) -> Token:
        """Return the token at doc index `i` (built once when inside the sentence)."""
        if not 0 <= i - self.start < len(self.built):
            return self.doc[i]  # a name the parser cut across a sentence start
        token = self.built[i - self.start]
        if token is None:
            token = self.built[i - self.start] = self.doc[i]
        return token

    def at(self, j: int) -> Token:
        """Return the token at sentence index `j`."""
        token = self.built[j]
        if token is None:
            token = self.built[j] = self.doc[self.start + j]
        return token

    def children(self, token: Token) -> list[Token]:
        """Return the syntactic children of `token`, in order (do not modify the list)."""
        return self.kids_of(token.i)

    def kids_of(self, i: int) -> list[Token]:
        """Return the children of the token at doc index `i` (do not modify the list)."""
        j = i - self.start
        if not 0 <= j < len(self.kids):
            # A word outside the sentence: a name the parser cut across a sentence start.
            return list(self.doc[i].children)
        found = self.child_lists[j]
        if found is None:
            found = self.child_lists[j] = [self.at(k) for k in self.kids[j]]
        return found

    def conjuncts(self, token: Token) -> list[Token]:
        """Return the tokens coordinated with `token` (as `Token.conjuncts`)."""
        start = token
        while start.dep_ == "conj" and not self.is_root(start):
            start = self.head(start)
        queue = [start]
        output = [start]
        for word in queue:
            for child in self.children(word):
                if child.i > word.i and child.dep_ == "conj":
                    output.append(child)
                    queue.append(child)
        return [w for w in output if w.i != token.i]

    def head(self, token: Token) -> Token:
        """Return the syntactic head of `token` (itself for the root)."""
        head = self.heads[token.i - self.start]
        if head == token.i:
            return token
        if not 0 <= head - self.start < len(self.built):
            return token.head  # a head across a sentence boundary
        return self.at(head - self.start)

    def root_index(self, start: int, end: int) -> int:
        """Return the index of the root of tokens [start, end), as `Span.root` picks it."""
        heads = self.words.heads
        for i in range(start, end):
            if heads[i] == i:
                return i
        best, best_depth = start, None
        for i in range(start, end):
            if start <= heads[i] < end:
                continue
            depth = self.words.depth(i)
            if best_depth is None or depth < best_depth:
                best, best_depth = i, depth
        return best

    def is_root(self, token: Token) -> bool:
        """Return True when `token` is its own head."""
        return self.heads[token.i - self.start] == token.i
