"""Officials named by a subject pronoun: « il s’est entretenu avec… », « a-t-elle déclaré ».

An article names « le ministre Marc Dubois » as the subject of one sentence and goes on
« Il a ensuite rencontré son homologue… » or « …, a-t-il déclaré lors d’une réunion avec… ».
The pronoun stands for that person when, and only when, nobody else can be meant:

- the pronoun is the subject of a personal verb (« il a signé », « a-t-il déclaré »), not
  of an impersonal one (« il faut », « il s’agit de », « il y a », « il est clair que »);
- exactly one person is named between the start of the sentence before and the pronoun,
  and it is either the subject of that sentence before (« Le ministre X a averti… . Il
  a… ») or named earlier in the pronoun's own sentence, the pronoun being in a
  subordinate clause (« lors de la visite du président X, où il a évoqué… »);
- the title or article right before the name does not give the other gender (« M. »,
  « le président » for « elle »; « Mme », « la ministre » for « il »).

« ils » stands for two persons or more when every person named since the start of the
sentence before is in that sentence's subject (« X et Y sont arrivés… . Ils ont… »).

Zero or two candidates: no mention. Each resolution is a person mention of the pronoun,
the person's own entity, so the relation rules read it as that person (« ils »: one
mention per person, all on the pronoun).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from ..records import Entity, Mention
from ..tokens import sentence_numbers
from .countries import fold

PRONOUN_GENDERS = {"il": "m", "-il": "m", "elle": "f", "-elle": "f"}
PLURAL_PRONOUNS = frozenset({"ils", "-ils"})
# How the verbs whose « il » is impersonal start (« il faut », « il s'agit », « il semble
# que », « il reste à »), and the forms of « être » (« il est important de »). The
# pipeline has no lemmatizer: forms are read off the folded word.
IMPERSONAL_STEMS = (
    "fau", "fall", "agi", "sembl", "parai", "exist", "rest", "suffi", "manqu", "convien",
    "conven", "import", "vau", "val", "advien", "pleu",
)  # fmt: skip
ETRE_FORMS = frozenset({"est", "etait", "sera", "serait", "fut", "soit"})
SUBJECT_DEPS = frozenset({"nsubj"})
# Links from a name up to the subject noun it belongs to (« le ministre X »).
NAME_DEPS = frozenset({"appos", "flat:name", "flat", "nmod", "amod"})
# Words right before a name that tell its gender.
GENDER_WORDS = {
    "m.": "m", "m": "m", "monsieur": "m", "le": "m", "du": "m", "au": "m",
    "mme": "f", "mme.": "f", "madame": "f", "la": "f",
}  # fmt: skip
# How many words before a name its title may start (« la ministre des Armées X »).
TITLE_WINDOW = 6


def pronoun_persons(
    doc: Doc, mentions: list[Mention], entities: list[Entity]
) -> tuple[list[Mention], list[Entity]]:
    """Return mentions and entities with the resolved subject pronouns added."""
    found = pronoun_mentions(doc, mentions)
    if not found:
        return mentions, entities
    counts = Counter(m.entity for m in found)
    entities = [
        replace(e, mentions=e.mentions + counts[e.id]) if e.id in counts else e for e in entities
    ]
    return sorted([*mentions, *found], key=lambda m: m.start_char), entities


def pronoun_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Return the person mentions of the subject pronouns that stand for one person."""
    persons = sorted((m for m in mentions if m.type == "person"), key=lambda m: m.start_char)
    if not persons or not doc.has_annotation("DEP"):
        return []
    ids = [doc.vocab.strings.add(word) for word in [*PRONOUN_GENDERS, *PLURAL_PRONOUNS]]
    candidates = numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), ids)).tolist()
    if not candidates:
        return []
    numbers = sentence_numbers(doc)
    found = []
    for i in candidates:
        token = doc[i]
        if not is_personal_subject(token):
            continue
        if token.lower_ in PLURAL_PRONOUNS:
            entities = resolve_group(token, persons)
        else:
            antecedent = resolve(token, PRONOUN_GENDERS[token.lower_], persons)
            entities = [antecedent.entity] if antecedent is not None else []
        found.extend(
            Mention(
                text=token.text,
                start_char=token.idx,
                end_char=token.idx + len(token.text),
                sent=numbers[i],
                type="person",
                entity=entity,
            )
            for entity in entities
        )
    return found


def is_personal_subject(pronoun: Token) -> bool:
    """Return True for « il »/« elle » subject of a personal verb."""
    verb = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or verb.i == pronoun.i:
        return False
    form = fold(verb.text)
    if form in ETRE_FORMS or form.startswith(IMPERSONAL_STEMS):
        return False
    # « il y a », « il est clair que » (a copula), « il en va de »: not a person; a
    # reflexive « s'est entretenu » is, and so is the « -t- » of « a-t-il ».
    return not any(
        (c.dep_ in ("expl:subj", "cop") and c.lower_ != "-t")
        or c.lower_ == "y"
        or (c.lower_ == "en" and c.dep_.startswith("expl"))
        for c in verb.children
    )


def resolve(pronoun: Token, gender: str, persons: list[Mention]) -> Mention | None:
    """Return the one person mention the pronoun can stand for, or None."""
    sent = pronoun.sent
    before = sentence_before(sent)
    start = before.start_char if before is not None else sent.start_char
    window = [m for m in persons if start <= m.start_char and m.end_char <= pronoun.idx]
    if len({m.entity for m in window}) != 1:
        return None
    antecedent = window[-1]
    if antecedent.start_char < sent.start_char:
        if not is_subject(pronoun.doc, antecedent, before):
            return None
    elif pronoun.head.i == sent.root.i:
        return None  # « Selon X, il a… »: a main clause's « il » may be anyone
    other = person_gender(pronoun.doc, antecedent)
    if other is not None and other != gender:
        return None
    return antecedent


def resolve_group(pronoun: Token, persons: list[Mention]) -> list[str]:
    """Return the persons « ils » stands for: the coordinated subject of the sentence before.

    « X et Y sont arrivés à Rabat. Ils se sont entretenus avec Z »: every person named
    since the start of the sentence before is in its subject, and there are two or more.
    """
    sent = pronoun.sent
    before = sentence_before(sent)
    if before is None:
        return []
    window = [m for m in persons if before.start_char <= m.start_char < pronoun.idx]
    entities = list(dict.fromkeys(m.entity for m in window))
    if len(entities) < 2 or any(m.start_char >= sent.start_char for m in window):
        return []
    if not all(is_subject(pronoun.doc, m, before, coordinated=True) for m in window):
        return []
    return entities


def sentence_before(sent: Span) -> Span | None:
    """Return the sentence before `sent`, past any made of punctuation alone (a lone « »)."""
    doc = sent.doc
    while sent.start > 0:
        sent = doc[sent.start - 1].sent
        if any(t.is_alpha for t in sent):
            return sent
    return None


def is_subject(doc: Doc, mention: Mention, sent: Span, *, coordinated: bool = False) -> bool:
    """Return True when the mention is (in) the subject of the root of its sentence.

    With `coordinated`, a name coordinated with the subject's (« X et Y ») is in it too.
    """
    links = NAME_DEPS | {"conj"} if coordinated else NAME_DEPS
    span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.head.i != token.i and token.dep_ not in SUBJECT_DEPS:
        if token.dep_ not in links or any(c.dep_ == "case" for c in token.children):
            return False  # « le parti de X a gagné. Il… »: « il » is the party
        token = token.head
    return token.dep_ in SUBJECT_DEPS and token.head.i == sent.root.i


def person_gender(doc: Doc, mention: Mention) -> str | None:
    """Return the gender the title or article before a name gives it ("m", "f"), or None."""
    span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
    if span is None:
        return None
    for i in range(span.start - 1, max(span.start - TITLE_WINDOW, -1), -1):
        word = doc[i].lower_
        if word in GENDER_WORDS:
            return GENDER_WORDS[word]  # the title or article nearest the name
        if doc[i].is_punct or doc[i].dep_ in ("det", "case"):
            return None
    return None
