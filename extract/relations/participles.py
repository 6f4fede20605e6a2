"""Who does what a trigger noun or participle names, when the clause does not say.

- « la signature par A et B d'un accord », « l'aide à X par l'OTAN »: a « par » phrase
  names the doers of a trigger noun's act (`agent_phrases`);
- « le programme de coopération algéro-russe »: the demonyms of the noun a trigger
  complements qualify the trigger too (`carrier_modifiers`);
- « Al-Shabaab, lié à Al-Qaïda », « le Hezbollah, soutenu par l'Iran »: a participle on
  a noun is said of that noun, as its subject or its object (`qualified_noun`);
- « l'occasion pour X de se réunir avec Y »: a « pour » phrase is the subject of the
  infinitive that follows it (`qualified_noun` too);
- « une réunion de travail élargie avec X »: a participle on a compound trigger noun
  carries its partners (`noun_participles`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..records import Mention
from .clauses import ANY_SUBJECT_DEPS, CLAUSE_DEPS
from .control import participle_phrases
from .lexicons import Trigger
from .parse import SentenceParse
from .parties import SentenceParties

INFINITIVE_MARKS = frozenset({"de", "d'"})
MAX_AGENT_DEPTH = 3  # how deep a trigger noun's phrase may hold its « par » agent


def agent_phrases(noun: Token, parse: SentenceParse, role: Callable[[Token], str]) -> list[Token]:
    """Return the « par » phrases that name the doers of a trigger noun's act.

    The parser hangs the phrase on the noun, on a word of the noun's own phrase (« la
    livraison d'armes à X par Y »: on X), or, right after the noun's words, on the word
    above it, which takes no agent of its own (« renvoie à la signature par A et B »;
    « la coordination de l'aide à X par Y »). Not inside a clause on the noun: « l'aide
    aux villes touchées par le séisme ».
    """
    found = []
    stack = [(child, 1) for child in parse.children(noun)]
    while stack:
        token, depth = stack.pop()
        if token.dep_ in CLAUSE_DEPS:
            continue
        if role(token) == "par":
            found.append(token)
        elif depth < MAX_AGENT_DEPTH:
            stack.extend((child, depth + 1) for child in parse.children(token))
    if parse.is_root(noun):
        return found
    head = parse.head(noun)
    if any(c.dep_ == "aux:pass" for c in parse.children(head)):
        return found  # « a été signé par X »: the verb's own agent
    return found + [
        c
        for c in parse.children(head)
        if role(c) == "par" and c.left_edge.i == noun.right_edge.i + 1
    ]


def qualified_noun(
    verb: Token, parse: SentenceParse, role: Callable[[Token], str], *, transitive: bool
) -> tuple[Token | None, bool]:
    """Return the noun a participle trigger qualifies, and whether it undergoes the act.

    A participle on a noun, with no subject of its own, is said of that noun: its
    subject (« Al-Shabaab, lié à Al-Qaïda », « la France, coopérant avec le Mali »), or
    for the past participle of a verb with an object, its object (« le Hezbollah,
    soutenu par l'Iran », « les pilotes tunisiens formés par la Turquie »).
    """
    if verb.dep_ != "acl" or parse.is_root(verb):
        return None, False
    kids = parse.children(verb)
    if any(c.dep_ in ANY_SUBJECT_DEPS for c in kids):
        return None, False
    if any(c.dep_ == "mark" for c in kids):
        return infinitive_subject(verb, kids, parse, role), False
    undergoes = transitive and not parse.folded[verb.i].endswith("ant")
    return parse.head(verb), undergoes


def infinitive_subject(
    verb: Token, kids: list[Token], parse: SentenceParse, role: Callable[[Token], str]
) -> Token | None:
    """Return the « pour » phrase right before a « de » infinitive: its subject.

    « l'occasion pour X de se réunir », « il est temps pour X de signer »: the parser
    hangs the infinitive on the « pour » phrase or beside it.
    """
    if not any(c.dep_ == "mark" and parse.folded[c.i] in INFINITIVE_MARKS for c in kids):
        return None
    head = parse.head(verb)
    candidates = [head, *parse.children(head)]
    found = [c for c in candidates if c.i < verb.i and role(c) == "pour"]
    return found[-1] if found else None


def carrier_modifiers(
    noun: Token, parties: SentenceParties, triggers: dict[str, dict[str, Trigger]]
) -> list[Mention]:
    """Return the demonyms of the noun a trigger complements (« programme de coopération
    algéro-russe », « le plan d'aide américain »): they qualify the whole phrase."""
    parse = parties.parse
    if noun.dep_ != "nmod" or parties.role(noun) != "de" or parse.is_root(noun):
        return []
    head = parse.head(noun)
    if triggers.get(parse.folded[head.i]) or parties.mention(head):
        return []
    return [
        m
        for c in parse.children(head)
        if c.dep_ == "amod" or (c.dep_ == "nmod" and not parties.role(c))
        for m in parties.group(c)
    ]


def noun_participles(noun: Token, parse: SentenceParse) -> list[Token]:
    """Return the phrases under the participles on a trigger noun or on its compound.

    « l'aide accordée à X », and « une réunion de travail élargie avec X », where the
    participle hangs on the bare « de » noun that makes the trigger a compound (no
    article: « de travail », « de coopération »), not on a complement (« du conseil »).
    """
    found = participle_phrases(noun, parse)
    for child in parse.children(noun):
        kids = parse.children(child)
        if child.dep_ != "nmod" or any(c.dep_ == "det" for c in kids):
            continue
        if any(c.dep_ == "case" and parse.folded[c.i] in ("de", "d'") for c in kids):
            found += participle_phrases(child, parse)
    return found
