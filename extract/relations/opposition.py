"""Opposition set up around a trigger rather than by it: the rules `FrameFinder` mixes in.

- "contre X" / "face à X" complements (`opposing_frame`), also "face au défi que pose X"
  (the subject of the noun's relative clause); who warns against a danger is no side;
- who receives support against X, or through a war X wages, is X's other side
  (`supported`): "le soutien à l'Ukraine face à / dans la guerre menée par la Russie";
- who denounces its own agreement "avec Y" turns against Y (`own_agreement_partners`);
- a detached "à l'offensive contre Y" is the offensive of the last actor named before it
  (`is_detached`, `last_actor`);
- who condemns or fears a conflict named without its sides is no side of it, unlike who
  lives it (`onlooker_subject`).

`OppositionRules` reads the host's `parse`, `parties`, `triggers`, `sent`,
`previous_subject`, `owners` and `opposes` (`frames.FrameFinder`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..records import Mention
from .clauses import CLAUSE_DEPS, clause_head, path_to
from .lexicons import Trigger, conflict_verbs
from .modality import HEDGED, NEGATED, polarity
from .pairs import Frame
from .parse import SentenceParse
from .parties import unique

RELATIVE_SUBJECTS = frozenset({"qui"})
RELATIVE_OBJECTS = frozenset({"que", "qu'"})
MAX_SEARCH_DEPTH = 4
OBJECT_DEPS = frozenset({"obj"})
POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})


class OppositionRules:
    """Opposition rules beside the trigger frames (mixed into `FrameFinder`)."""

    def is_detached(self, noun: Token, verb: Token) -> bool:
        """Return True for a conflict noun set off by a comma on its verb ("X, ..., à l'offensive").

        Such a phrase describes the name before the comma, not the clause's subject: in
        "la présence russe pourrait aider M. X, l'homme fort de l'Est, à l'offensive contre
        Y", the offensive is X's.
        """
        if noun == verb or self.parse.head(noun) != verb or not self.parties.role(noun):
            return False
        start = noun.left_edge.i
        return start > self.sent.start and self.parse.folded[start - 1] == ","

    def last_actor(self, noun: Token) -> list[Mention]:
        """Return the last person or organisation named before `noun` in the sentence."""
        for i in range(noun.left_edge.i - 1, self.sent.start - 1, -1):
            mention = self.parties.mention(self.parse.token(i))
            if mention is not None and mention.type in ("person", "organization"):
                return [mention]
        return []

    def opposing_frame(self, token: Token) -> Iterator[Frame]:
        """Yield the opposition a "contre X" or "face à X" complement sets up."""
        targets = self.parties.group(token)
        if not targets:
            # "face au défi que pose X", "contre la menace que représente X".
            for clause in self.relative_clauses(token, RELATIVE_OBJECTS, "obj"):
                targets += self.parties.agents(clause)
        if not targets or self.parse.is_root(token):
            return
        head = self.noun_of_named_owner(self.parse.head(token))
        verb = clause_head(head, self.parse)
        if self.warns(verb):
            return  # "mettre en garde contre X": who warns of a danger speaks of it
        path = path_to(head, verb, self.parse)
        stance = polarity(path, self.parse, verbal_trigger=False)
        if stance == NEGATED:
            return
        agents = self.owners(head) if head != verb else []
        if not agents and self.is_detached(head, verb):
            agents = self.last_actor(head)
        elif not agents and (head == verb or not self.opposes(verb)):
            agents = self.parties.agents(verb)  # not who condemns "l'attaque contre X"
        if not agents and has_possessive(path, verb, self.parse):
            agents = self.previous_subject()
        # "le soutien à l'Ukraine face à la Russie": who receives it faces X too.
        if head != verb:
            agents += self.support_partners(head) or []
        else:
            agents += self.support_before(verb, token)
        marker = next(c for c in self.parse.children(token) if c.dep_ == "case")
        yield Frame(
            "opposition", marker, agents=unique(agents), partners=targets, hedged=stance == HEDGED
        )

    def noun_of_named_owner(self, head: Token) -> Token:
        """Return the noun a "contre X" phrase belongs to when the parser hung it on a name.

        In « les accusations du Tchad contre l'armée soudanaise » the parser often hangs
        « contre » on « Tchad »; a name takes no such complement, the noun it complements
        does, and the name is that noun's owner.
        """
        if (
            head.dep_ == "nmod"
            and self.parties.role(head) == "de"
            and self.parties.own(head) is not None
            and not self.parse.is_root(head)
        ):
            return self.parse.head(head)
        return head

    def onlooker_subject(self, noun: Token, verb: Token, trigger: Trigger) -> bool:
        """Return True when the clause's subject speaks of a conflict rather than fights it.

        Asked when the conflict names no partner ("la rupture avec Y"). A conflict has
        sides and onlookers: its sides are the subject of a verb that lives it ("X et Y
        traversent une crise", "mènent une guerre": `conflict_verbs`), or of "leur"
        conflict, or "entre X et Y"; a subject that condemns, fears or calls for the end
        of a conflict ("X et Y ont appelé à la fin de la guerre") is not one of them.
        """
        if trigger.relation != "opposition" or not trigger.mutual or verb == noun:
            return False
        if is_possessed(noun, self.parse):
            return False
        lives_it = self.parse.head(noun) == verb and self.parse.folded[verb.i] in conflict_verbs()
        return not lives_it

    def warns(self, verb: Token) -> bool:
        """Return True for "mettre en garde" (its "en garde" phrase on the verb)."""
        return any(
            self.parse.folded[c.i] == "garde" and self.parties.role(c) == "en"
            for c in self.parse.children(verb)
        )

    def relative_clauses(self, noun: Token, pronouns: frozenset[str], dep: str) -> list[Token]:
        """Return the relative clauses on `noun` whose `dep` is one of `pronouns`."""
        return [
            clause
            for clause in self.parse.children(noun)
            if clause.dep_ == "acl:relcl"
            and any(
                c.dep_ == dep and self.parse.folded[c.i] in pronouns
                for c in self.parse.children(clause)
            )
        ]

    def supported(self, noun: Token, verb: Token) -> list[Mention]:
        """Return who a support or aid receives, when a conflict noun is its context.

        "le soutien à la Géorgie dans le cadre de la guerre menée par la Russie", "l'aide
        au Liban face aux frappes israéliennes": the one helped through a conflict is the
        other side of whoever wages it. The conflict hangs under the support, or both are
        in one clause with the support first ("réaffirmé le soutien accordé à l'Ukraine,
        dans le cadre de la guerre menée par la Russie").
        """
        token = noun
        for _ in range(MAX_SEARCH_DEPTH):
            if self.parse.is_root(token) or token.dep_ in CLAUSE_DEPS - {"ROOT"}:
                return []
            token = self.parse.head(token)
            if token == verb:
                return self.support_before(verb, noun)
            found = self.support_partners(token)
            if found is not None:
                return found
        return []

    def support_partners(self, token: Token) -> list[Mention] | None:
        """Return the receivers of a support noun ("le soutien à X"), None if not one."""
        found = self.triggers.get(self.parse.folded[token.i], {}).get("noun")
        if found is None or found.relation != "cooperation" or found.mutual:
            return None
        return [
            party
            for child in self.parse.children(token)
            if self.parties.role(child) in found.partners - {"de"}
            for party in self.parties.group(child)
        ]

    def support_before(self, verb: Token, noun: Token) -> list[Mention]:
        """Return the receivers of the first support noun before `noun` in `verb`'s clause."""
        stack = [(child, 1) for child in self.parse.children(verb)]
        found: list[tuple[int, list[Mention]]] = []
        while stack:
            token, depth = stack.pop()
            if token.dep_ in CLAUSE_DEPS - {"acl"} or token.i >= noun.i:
                continue
            partners = self.support_partners(token)
            if partners:
                found.append((token.i, partners))
            if depth < MAX_SEARCH_DEPTH:
                stack.extend((child, depth + 1) for child in self.parse.children(token))
        return min(found, key=lambda item: item[0])[1] if found else []

    def own_agreement_partners(self, verb: Token) -> list[Mention]:
        """Return Y when a verb opposes an agreement "avec Y" that names no other party.

        "La junte dénonce les accords de défense avec la France": who breaks off or
        denounces its own agreement with Y turns against Y. An agreement of someone else
        ("l'accord du Maroc avec Israël") or "entre X et Y" names its parties and is
        not this case.
        """
        found = []
        for child in self.parse.children(verb):
            if child.dep_ not in OBJECT_DEPS:
                continue
            noun = self.triggers.get(self.parse.folded[child.i], {}).get("noun")
            if noun is None or noun.relation != "cooperation" or not noun.mutual:
                continue
            for grandchild in self.parse.children(child):
                if self.parties.role(grandchild) == "avec":
                    found += self.parties.group(grandchild)
        return found


def is_possessed(token: Token, parse: SentenceParse) -> bool:
    """Return True when `token` has a possessive determiner ("leur conflit")."""
    return any(c.dep_ == "det" and parse.folded[c.i] in POSSESSIVES for c in parse.children(token))


def has_possessive(path: list[Token], verb: Token, parse: SentenceParse) -> bool:
    """Return True when the clause speaks of "son"/"leur" something (its owner named before)."""
    return any(is_possessed(t, parse) for t in [*path, *parse.children(verb)])
