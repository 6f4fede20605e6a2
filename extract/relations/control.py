"""Who a trigger's clause belongs to when the parse hides it: three shapes of news French.

- « X et Y ont rappelé l'intérêt d'approfondir la coopération »: an infinitive on the
  object of a verb is that verb's subject's (`infinitive_owner`);
- « l'aide accordée à l'Ukraine par la France »: a participle on a trigger noun carries
  its partners (`participle_phrases`);
- « le Japon, allié des États-Unis, ... »: a trigger noun in apposition is said of the
  name it describes (`apposed_name`), also where the parser makes the apposition a
  second subject (« Le Japon et l'Australie, deux alliés des États-Unis, ont signé »).
"""

from __future__ import annotations

from spacy.tokens import Token

from .parse import SentenceParse

INFINITIVE_MARKS = frozenset({"de", "d'", "a"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})


def infinitive_owner(verb: Token, parse: SentenceParse) -> Token | None:
    """Return V when `verb` is « de » + infinitive on V's object (« souligner le besoin de »).

    V's polarity reaches the infinitive: « a rejeté l'idée de coopérer » denies it.
    """
    if verb.dep_ != "acl" or parse.is_root(verb):
        return None
    kids = parse.children(verb)
    if not any(c.dep_ == "mark" and parse.folded[c.i] in INFINITIVE_MARKS for c in kids):
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in kids):
        return None
    noun = parse.head(verb)
    if noun.dep_ != "obj" or parse.is_root(noun):
        return None
    return parse.head(noun)


def participle_phrases(noun: Token, parse: SentenceParse) -> list[Token]:
    """Return the phrases under a participle that qualifies `noun` (« accordée à X »)."""
    found = []
    for child in parse.children(noun):
        if child.dep_ != "acl":
            continue
        kids = parse.children(child)
        if any(k.dep_ in SUBJECT_DEPS or k.dep_ == "mark" for k in kids):
            continue  # a relative or an infinitive, not a participle
        found += kids
    return found


def apposed_name(noun: Token, parse: SentenceParse) -> Token | None:
    """Return the phrase a trigger noun stands in apposition to, or None."""
    if parse.is_root(noun):
        return None
    if noun.dep_ == "appos":
        return parse.head(noun)
    return misparsed_apposition(noun, parse)


def misparsed_apposition(noun: Token, parse: SentenceParse) -> Token | None:
    """Return the earlier subject a comma-led second subject describes, or None.

    « Le Japon et l'Australie, deux alliés des États-Unis, ont signé »: the parser makes
    « alliés » a second subject of « signé »; it is the apposition of « le Japon ».
    """
    if noun.dep_ not in SUBJECT_DEPS or parse.is_root(noun):
        return None
    start = noun.left_edge.i
    if start == 0 or parse.folded[start - 1] != ",":
        return None
    earlier = [
        c
        for c in parse.children(parse.head(noun))
        if c.dep_ in SUBJECT_DEPS and c.i < start and c.right_edge.i < start
    ]
    return earlier[-1] if earlier else None


def stray_demonym(subject: Token, parse: SentenceParse) -> bool:
    """Return True for a demonym the parser made a second subject (« L'APL (...) chinoise a »).

    A lower-case word glued to the end of an earlier subject, with no comma or « et »
    between, qualifies that subject: it is no second actor.
    """
    if not parse.folded[subject.i].islower() or subject.text[:1].isupper():
        return False
    if subject.text.startswith("-"):
        return False  # « a-t-il »: the inverted pronoun after its « -t- »
    if parse.is_root(subject) or any(True for _ in parse.children(subject)):
        return False
    return any(
        c.dep_ in SUBJECT_DEPS and c.i < subject.i and c.right_edge.i == subject.i - 1
        for c in parse.children(parse.head(subject))
    )

