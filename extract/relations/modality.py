"""Whether a clause asserts, denies or only reports a relation.

- Denied: a negation on the trigger's path to its clause, or above it through the verbs
  that control it ("n'a pas signé", "aucun accord", "sans accord", "a refusé de coopérer",
  "a démenti que ...", "a mis fin à sa coopération").
- Hedged: a conditional ("aurait signé", "devrait apporter"), a report marked unconfirmed
  ("selon des informations non confirmées", "n'a pas été confirmé").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicons import Modality, fold, modality, request_verbs
from .parse import SentenceParse

ASSERTED, HEDGED, NEGATED = "asserted", "hedged", "negated"
NE = frozenset({"ne", "n'"})
AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "cop"})
# Governing verbs a controlled clause inherits polarity from.
GOVERNED_DEPS = frozenset({"xcomp", "ccomp"})
OBJECT_DEPS = frozenset({"obj", "nsubj:pass"})
CONDITIONAL_ENDINGS = ("rait", "raient")
NOMINAL_MARKS = frozenset({"det", "case"})


def negation_marked(token: Token, marks: Modality, parse: SentenceParse | None = None) -> bool:
    """Return True when `token` carries a negative adverb, determiner or "sans"."""
    children = parse.children(token) if parse else list(token.children)
    words = [parse.folded[c.i] if parse else fold(c.text) for c in children]
    has_ne = not NE.isdisjoint(words)
    for child, word in zip(children, words, strict=True):
        if child.dep_ == "advmod" and word in marks.negation_adverbs:
            if word not in marks.needs_ne or has_ne:
                return True
        elif child.dep_ == "det" and word in marks.negation_determiners:
            return True
        elif child.dep_ == "case" and word in marks.negation_cases:
            return True
    return False


def is_conditional(token: Token, marks: Modality, parse: SentenceParse) -> bool:
    """Return True when `token` or one of its auxiliaries is a conditional ("aurait", "devrait")."""
    folded = parse.folded
    if folded[token.i] in marks.conditionals:
        return True
    return any(
        c.dep_ in AUX_DEPS and folded[c.i] in marks.conditionals for c in parse.children(token)
    )


def governing_chain(path: list[Token], parse: SentenceParse) -> list[tuple[Token, bool]]:
    """Return the path tokens and the verbs governing the clause, each with "fully in scope"."""
    chain = [(token, True) for token in path]
    verb = path[-1]
    while verb.dep_ in GOVERNED_DEPS and not parse.is_root(verb):
        # A negation above a "that" clause ("il n'a pas dit que") does not deny it.
        in_scope = verb.dep_ == "xcomp"
        verb = parse.head(verb)
        chain.append((verb, in_scope))
    return chain


def polarity(path: list[Token], parse: SentenceParse, *, verbal_trigger: bool) -> str:
    """Return whether the clause from `path[0]` (a trigger) up to `path[-1]` asserts it."""
    marks = modality()
    folded = parse.folded
    hedged = verbal_trigger and folded[path[0].i].endswith(CONDITIONAL_ENDINGS)
    for child in parse.children(path[-1]):
        # "Aucun accord n'a été signé": the negation sits on what the verb is about.
        if child.dep_ in OBJECT_DEPS and negation_marked(child, marks, parse):
            return NEGATED
    chain = governing_chain(path, parse)
    for position, (token, in_scope) in enumerate(chain):
        word = folded[token.i]
        # « dément et accuse X »: a denial coordinated with the trigger does not deny it.
        coordinated = position > 0 and chain[position - 1][0].dep_ == "conj"
        if position > 0 and (
            (word in marks.negating_verbs and not coordinated)
            or puts_an_end(token, path, marks, parse)
            or only_ready(token, marks, parse)
        ):
            return NEGATED
        if in_scope and negation_marked(token, marks, parse):
            if word in marks.confirming_verbs:
                hedged = True
            else:
                return NEGATED
        if position > 0 and requests(chain[position - 1][0], token, parse):
            hedged = True  # « a demandé au Mali de coopérer »: asked for, not done
        if is_conditional(token, marks, parse) or (
            position >= len(path) - 1 and conditional_verb(token, parse)
        ):
            hedged = True
    return HEDGED if hedged else ASSERTED


def requests(governed: Token, verb: Token, parse: SentenceParse) -> bool:
    """Return True when `verb` asks someone for the infinitive `governed` (« exhorter X à »)."""
    return governed.dep_ == "xcomp" and parse.folded[verb.i] in request_verbs()


def puts_an_end(verb: Token, path: list[Token], marks: Modality, parse: SentenceParse) -> bool:
    """Return True for a verb that puts an end to the trigger: "a mis fin à sa coopération".

    The end must be the verb's object beside the trigger: "a demandé la fin des
    hostilités", with the trigger under "fin", asks for an end that has not come.
    """
    on_path = {token.i for token in path}
    return any(
        c.dep_ == "obj" and parse.folded[c.i] in marks.ending_objects and c.i not in on_path
        for c in parse.children(verb)
    )


def only_ready(token: Token, marks: Modality, parse: SentenceParse) -> bool:
    """Return True for an adjective of readiness above the trigger: « prêt à coopérer ».

    « Le Maroc se dit ouvert au dialogue avec l'Algérie » states a disposition, not a
    dialogue. The verb « a ouvert des négociations » (with its auxiliary) opens them.
    """
    if parse.folded[token.i] not in marks.dispositions:
        return False
    return not any(c.dep_ in ("aux", "aux:tense") for c in parse.children(token))


def conditional_verb(token: Token, parse: SentenceParse) -> bool:
    """Return True for a verb in the conditional ("négocieraient", "financerait").

    Checked on the clause's verbs only: a noun may end the same way ("le retrait").
    """
    word = parse.folded[token.i]
    return (
        len(word) > 6
        and word.endswith(CONDITIONAL_ENDINGS)
        and not any(c.dep_ in NOMINAL_MARKS for c in parse.children(token))
    )


def hedged_text(words: list[str]) -> bool:
    """Return True when a sentence (its folded words) marks what it reports as unconfirmed."""
    return modality().hedge_phrases.search(" ".join(words)) is not None


def unconfirmed_report(sent: Span, words: list[str], folded: list[str]) -> bool:
    """Return True when a sentence says that what was reported is not confirmed.

    "L'information n'a pas été confirmée par les autorités." carries no relation of its
    own: it casts doubt on what the paragraph reported before it. `words` are the
    sentence's folded words, `folded` those of its doc.
    """
    marks = modality()
    if hedged_text(words):
        return True
    doc = sent.doc
    return any(
        folded[i] in marks.confirming_verbs and negation_marked(doc[i], marks)
        for i in range(sent.start, sent.end)
    )
