"""Parse repair: the subject the parser left off a verb, as a modifier or on an earlier phrase.

Two shapes of a verb with an auxiliary and no subject at all, in news sentences with
long openings:
- « Quatre navires de la marine russe, dont ..., sont arrivés à X »: the subject comes
  out as an `obl:mod` of the verb, a noun phrase with no preposition (`caseless_phrase`);
- « Enfin, dans le cadre des accords liant A à B, un détachement de l'armée a formé ... »:
  the subject after the last comma is hung as a conjunct or modifier on a word of the
  opening phrase (`subject_after_comma`).
A verb that has a subject is never touched; a bare date (« mardi », « le 3 mars ») or a
number is no subject.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..entities.name_spans import ARTICLES
from ..entities.non_names import is_calendar_word

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "expl:subj"})
# How the parser hangs a misread subject on the phrase before the comma.
MISATTACHED = frozenset({"nmod", "conj", "obl:mod", "obl", "obl:arg", "dep"})
AUXILIARIES = frozenset({"aux", "aux:tense", "aux:pass"})
# How the parser hangs a subject with no preposition on the verb.
CASELESS_DEPS = frozenset({"obl:mod", "obl", "obl:arg", "dep", "nmod"})
# What may stand between the subject's phrase and the verb's auxiliary.
GAP = frozenset({",", "ne", "n'"})


def caseless_subject(sent: Span) -> bool:
    """Give a subjectless verb the noun phrase the parser left as a modifier or elsewhere."""
    root = sent.root
    kids = list(root.children)
    if any(c.dep_ in SUBJECTS for c in kids):
        return False
    auxiliaries = [c for c in kids if c.dep_ in AUXILIARIES and c.i < root.i]
    if not auxiliaries:
        return False
    first = auxiliaries[0]
    subject = caseless_phrase(kids, first) or subject_after_comma(sent, root, first)
    if subject is None:
        return False
    subject.head = root
    subject.dep_ = "nsubj"
    return True


def caseless_phrase(kids: list[Token], auxiliary: Token) -> Token | None:
    """Return the verb's modifier with no preposition whose phrase ends at the auxiliary."""
    for child in kids:
        if child.i >= auxiliary.i or child.dep_ not in CASELESS_DEPS or not is_noun(child):
            continue
        if any(c.dep_ == "case" for c in child.children):
            continue
        between = child.doc[child.right_edge.i + 1 : auxiliary.i]
        if all(t.lower_ in GAP for t in between):
            return child
    return None


def subject_after_comma(sent: Span, root: Token, auxiliary: Token) -> Token | None:
    """Return the noun phrase after the last comma before the verb, hung before that comma.

    The phrase opens with an article (« un détachement ») and runs to the auxiliary.
    """
    commas = [t.i for t in sent.doc[sent.start : auxiliary.i] if t.text == ","]
    if not commas or commas[-1] + 2 >= auxiliary.i:
        return None
    comma = commas[-1]
    article = sent.doc[comma + 1]
    noun = article.head
    if article.lower_ not in ARTICLES or not comma < noun.i < auxiliary.i:
        return None
    if noun.dep_ not in MISATTACHED or not sent.start <= noun.head.i < comma:
        return None
    return noun if is_noun(noun) else None


def is_noun(token: Token) -> bool:
    """Return True for a word that can head a subject: no date, no number."""
    return token.text.isalpha() and not is_calendar_word(token.text)
