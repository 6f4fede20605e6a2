"""Opposition stated by a phrase around the conflict, not by a trigger's own slots.

- Land taken or claimed: « X a conquis / annexé / occupe / revendique [une partie du]
  territoire de Y », « une région revendiquée par X » whose description makes it Y's
  land (« couvrant 70 % du territoire de Y mais revendiquée par X »): X against Y
  (`seizing_frame`). Y must qualify a word for land (`territory` rows): « revendique
  l'attentat » claims no land, and in « une province congolaise frontalière du Rwanda »
  the province is Congo's, not Rwanda's.
- Retaliation threatened: « toute attaque de Y susciterait une riposte de X », « X promet
  une riposte à toute provocation de Y »: X against Y, and who warns of it for X's side
  (`retaliation_frame`); a « réponse » only when forceful (« ferme », « militaire »).
- Drills « autour de » a state (« des manœuvres autour de Taïwan »): the drilling side
  against it, unless it drills too (`encircling_frame`).
- Clashes between supporters: « des heurts ont opposé des milices fidèles à A à
  d'autres proches de B »: A against B (`loyal_sides`), each side named by a word of
  loyalty (`loyalty` rows) and the party it is loyal to.

`ConflictPhrases` is mixed into `frames.FrameFinder` and reads its `parse`, `parties`,
`sent`, `triggers` and `owners`. Word lists: `extract/data/conflict_phrases.jsonl` (a
`kind` per row).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Token

from ..lexicon import read_lexicon
from ..records import Mention
from .clauses import AGENT_DEPS, ANY_SUBJECT_DEPS, clause_head, looks_nominal, path_to
from .lexicons import fold, row_forms
from .modality import HEDGED, NEGATED, polarity
from .pairs import Frame
from .parties import unique

# Clauses that describe the noun a participle qualifies (« couvrant ..., mais revendiquée »).
DESCRIPTIVE_DEPS = frozenset({"acl", "acl:relcl", "conj"})
# Phrases that say nothing of whose land it is: clause heads other than descriptions.
FOREIGN_DEPS = frozenset({"ccomp", "xcomp", "advcl", "parataxis", "csubj", "nsubj", "obl:agent"})
MAX_LAND_DEPTH = 5
MAX_SIDE_DEPTH = 4
LOYALTY_ROLES = frozenset({"à", "de", "envers"})
# Where the parser puts what is taken (« de vastes pans » comes out as `obl:arg`), and
# the apposition it detaches from it.
TAKEN_DEPS = frozenset({"obj", "obl:arg"})
APPOSED_DEPS = frozenset({"obl:mod", "obl", "appos", "nmod"})
SUBJECTS = ANY_SUBJECT_DEPS  # of a passive: what is taken (« X a été annexé par Y »)
DEMONYM_DEPS = frozenset({"amod", "acl"})
# Kinds of `conflict_phrases` rows that open a frame of their own.
FRAME_KINDS = ("seizing", "retaliation", "response", "around")
CASE_DE = frozenset({"de", "du", "des", "d'"})  # « îles vietnamiennes » may come out as `acl`


@cache
def phrase_words(kind: str) -> frozenset[str]:
    """Return the folded word forms of the `conflict_phrases` rows of one `kind`."""
    return frozenset(
        fold(form)
        for row in read_lexicon("conflict_phrases")
        if row["kind"] == kind
        for form in row_forms(row)
    )


@cache
def phrase_triggers() -> dict[str, str]:
    """Return folded word → the kind of frame it opens (`ConflictPhrases.phrase_frames`)."""
    return {word: kind for kind in FRAME_KINDS for word in phrase_words(kind)}


class ConflictPhrases:
    """Opposition read off land-seizing verbs, threats of retaliation, drills around a
    state and supporters' sides (see module docstring)."""

    def phrase_frames(self, token: Token, kind: str) -> Iterator[Frame]:
        """Yield the frame a word of `kind` opens (« conquis », « riposte », « autour »)."""
        if token.i in self.parties.at:
            return  # a word of a name: « ... dans les territoires occupés »
        if kind == "seizing":
            yield from self.seizing_frame(token)
        elif kind == "around":
            yield from self.encircling_frame(token)
        else:
            yield from self.retaliation_frame(token, kind)

    def seizing_frame(self, verb: Token) -> Iterator[Frame]:
        """Yield X against Y for « X conquiert / revendique le territoire de Y »."""
        owners = [
            party
            for child in self.taken_phrases(verb)
            for party in self.land_owners(child, skip=verb) or self.taken_state(child)
        ]
        noun = None if owners else self.claimed_noun(verb)
        if noun is not None:  # « une région (...) revendiquée par X »
            owners = self.land_owners(noun, skip=verb) if self.is_land(noun) else []
            owners += self.described_owners(noun, verb)
        agents = self.parties.agents(verb) or self.agent_phrase(verb) or self.taker_noun(verb)
        if not owners or not agents:
            return
        path = path_to(verb, clause_head(verb, self.parse), self.parse)
        stance = polarity(path, self.parse, verbal_trigger=True)
        if stance != NEGATED:
            yield Frame(
                "opposition", verb, agents=agents, partners=unique(owners), hedged=stance == HEDGED
            )

    def taken_phrases(self, verb: Token) -> list[Token]:
        """Return the object of a seizing verb (the subject of a passive one), and the
        apposition the parser hung on the verb after it (« a conquis le Darfour, province
        soudanaise »)."""
        found = []
        passive = any(c.dep_ in AGENT_DEPS for c in self.parse.children(verb))
        for child in self.parse.children(verb):
            role = self.parties.role(child)
            if child.dep_ in TAKEN_DEPS or role == "de" or (passive and child.dep_ in SUBJECTS):
                found.append(child)
            elif found and not role and child.dep_ in APPOSED_DEPS and self.after_comma(child):
                found.append(child)
        return found

    def taken_state(self, phrase: Token) -> list[Mention]:
        """Return the state a seizing verb takes whole (« revendique Taïwan »)."""
        own = self.parties.own(phrase)
        return [own] if own is not None and own.type == "country" else []

    def after_comma(self, token: Token) -> bool:
        """Return True when the phrase of `token` opens with, or follows, a comma."""
        start = token.left_edge.i
        return "," in (self.parse.folded[start], self.parse.folded[max(start - 1, self.sent.start)])

    def claimed_noun(self, verb: Token) -> Token | None:
        """Return the noun a participle or an object relative clause says is taken.

        Through coordinated descriptions: in « la province, qui couvre ... mais revendiquée
        par X », the province is claimed. A « qui » clause on the taker (« X, qui revendique
        ... ») names no land of its own.
        """
        token = verb
        while token.dep_ == "conj" and not self.parse.is_root(token):
            token = self.parse.head(token)
        if token.dep_ not in ("acl", "acl:relcl") or self.parse.is_root(token):
            return None
        if token == verb and any(
            c.dep_ in ("nsubj", "nsubj:pass") for c in self.parse.children(verb)
        ):
            return None  # « X, qui revendique ... »: the relative is its taker
        return self.parse.head(token)

    def is_land(self, token: Token) -> bool:
        """Return True for a word for land (« territoire », « province », « îles ») or a
        place's name (« le Golan syrien »)."""
        if self.parse.folded[token.i] in phrase_words("territory"):
            return True
        mention = self.parties.mention(token)
        return mention is not None and mention.type == "location"

    def land_owners(self, root: Token, *, skip: Token) -> list[Mention]:
        """Return the countries whose land a phrase names: « le territoire du Y », « l'île
        yéménite », « le Nord-Kivu, province congolaise »; never past an adjective's own
        complement (« frontalière du Rwanda ») or into another clause."""
        found: list[Mention] = []
        stack = [(root, 0)]
        while stack:
            token, depth = stack.pop()
            if self.is_land(token):
                found += self.qualifiers(token)
            if depth >= MAX_LAND_DEPTH:
                continue
            for child in self.parse.children(token):
                if child == skip or child.dep_ in FOREIGN_DEPS or child.dep_ == "amod":
                    continue
                if self.parties.role(child) not in ("", "de"):
                    continue  # « une base dans le nord du Niger » is where, not whose
                stack.append((child, depth + 1))
        return [m for m in found if m.type == "country"]

    def qualifiers(self, land: Token) -> list[Mention]:
        """Return the parties that qualify a land word: its demonym, its « de » complement,
        also when the parser hung that complement on the word before (« 70 % du territoire
        du Y » with « du Y » on « % »)."""
        found: list[Mention] = []
        for child in self.parse.children(land):
            if child.dep_ in DEMONYM_DEPS:
                own = self.parties.own(child)
                found += [own] if own is not None else []
            elif child.dep_ == "nmod" and self.parties.role(child) == "de":
                found += self.parties.group(child)
        if found or self.parse.is_root(land):
            return found
        for sibling in self.parse.children(self.parse.head(land)):
            if (
                sibling.left_edge.i == land.right_edge.i + 1
                and sibling.dep_ == "nmod"
                and self.parties.role(sibling) == "de"
            ):
                found += self.parties.group(sibling)
        return found

    def described_owners(self, noun: Token, verb: Token) -> list[Mention]:
        """Return the countries named as owning the land in the other descriptions of
        `noun` (« région couvrant 70 % du territoire de Y mais revendiquée par X »)."""
        found: list[Mention] = []
        for clause in self.parse.children(noun):
            if clause.dep_ in DESCRIPTIVE_DEPS - {"conj"} and clause != verb:
                found += self.land_owners(clause, skip=verb)
        return found

    def agent_phrase(self, verb: Token) -> list[Mention]:
        """Return the « par X » agent the parser hung lower (« depuis des années par X »)."""
        for child in self.parse.children(verb):
            for grandchild in [child, *self.parse.children(child)]:
                if self.parties.role(grandchild) == "par":
                    return self.parties.group(grandchild)
        return []

    def taker_noun(self, verb: Token) -> list[Mention]:
        """Return the name a seizing verb with an object qualifies: « la Bolivie revendique
        une partie du littoral » read as a participle on « Bolivie », or « X, revendiquant »."""
        if verb.dep_ != "acl" or not any(c.dep_ == "obj" for c in self.parse.children(verb)):
            return []
        return self.parties.group(self.parse.head(verb))

    def retaliation_frame(self, noun: Token, kind: str) -> Iterator[Frame]:
        """Yield the attacker against who threatens to retaliate.

        « toute attaque de Y susciterait une riposte de X », « la riposte de X à l'attaque
        de Y »: X against Y; « Z a averti que toute attaque de Y susciterait une riposte
        (de X) »: Z too, when Z's own phrase names X or no X is named. A « réponse » is
        one only when the text says it is forceful (« une réponse militaire, ferme »).
        """
        if not looks_nominal(noun, self.parse):
            return
        if kind == "response" and not any(
            self.parse.folded[c.i] in phrase_words("forceful") for c in self.parse.children(noun)
        ):
            return
        verb = clause_head(noun, self.parse)
        attackers = self.provoking_attackers(noun, verb)
        if not attackers:
            return
        retaliators = self.owners(noun)
        if not retaliators and self.parse.folded[verb.i] in phrase_words("warning"):
            retaliators = self.parties.agents(verb)  # « X promet une riposte à ... »
        warner = self.parse.head(verb) if verb.dep_ == "ccomp" else None
        if warner is not None and self.parse.folded[warner.i] in phrase_words("warning"):
            if not retaliators or self.names_in_subject(warner) & {m.entity for m in retaliators}:
                retaliators += self.parties.agents(warner)
        else:
            warner = None
        stance = polarity(path_to(noun, verb, self.parse), self.parse, verbal_trigger=False)
        attackers = [m for m in attackers if m.entity not in {r.entity for r in retaliators}]
        if stance != NEGATED and retaliators and attackers:
            hedged = stance == HEDGED and warner is None  # the warning itself is stated
            yield Frame("opposition", noun, agents=unique(retaliators), partners=unique(attackers),
                        hedged=hedged)

    def provoking_attackers(self, noun: Token, verb: Token) -> list[Mention]:
        """Return who made the attack a retaliation answers: the owner of the attack that is
        the clause's subject (« toute attaque de Y susciterait ... ») or of the « à » phrase
        (« riposte à l'attaque de Y », « riposte à Y »)."""
        phrases = [c for c in self.parse.children(noun) if self.parties.role(c) == "à"]
        if noun.dep_ == "obj" and self.parse.folded[verb.i] in phrase_words("warning"):
            phrases += [c for c in self.parse.children(verb) if self.parties.role(c) == "à"]
        elif noun.dep_ == "obj":
            phrases += [c for c in self.parse.children(verb) if c.dep_ in ("nsubj", "csubj")]
        found: list[Mention] = []
        for phrase in phrases:
            word = self.parse.folded[phrase.i]
            trigger = self.triggers.get(word, {}).get("noun")
            if (trigger is not None and trigger.relation == "opposition") or word in phrase_words(
                "attack"
            ):
                found += self.owners(phrase)
            elif self.parties.role(phrase) == "à" and self.parties.own(phrase) is not None:
                found += self.parties.group(phrase)  # « riposte à Y », not « à la demande de Y »
        return found

    def names_in_subject(self, verb: Token) -> set[str]:
        """Return the entities named anywhere in the subject phrase of `verb`."""
        return {
            mention.entity
            for child in self.parse.children(verb)
            if child.dep_ in ("nsubj", "nsubj:pass")
            for i in range(child.left_edge.i, child.right_edge.i + 1)
            if (mention := self.parties.mention(self.parse.token(i))) is not None
        }

    def encircling_frame(self, around: Token) -> Iterator[Frame]:
        """Yield who drills « autour de Y » against Y (« des manœuvres autour de Taïwan »).

        A drill around a state is a show of force at it, unless that state drills too
        (« avec Y », or among the drill's own authors).
        """
        after = around.i + 1
        if after >= self.sent.end or self.parse.folded[after] not in CASE_DE:
            return
        place = self.parse.head(self.parse.token(after))
        targets = self.qualifiers(place) if self.is_land(place) else self.parties.group(place)
        targets = [m for m in targets if m.type == "country"]
        drill = self.drill_near(around)
        if drill is None or not targets:
            return
        verb = clause_head(drill, self.parse)
        around_targets = {m.entity for m in targets}  # « autour de » may hang on the drill
        owners = [m for m in self.owners(drill) if m.entity not in around_targets]
        agents = owners or self.parties.agents(verb)
        joint = {m.entity for m in agents} | self.drill_partners(verb)
        targets = [m for m in targets if m.entity not in joint]
        stance = polarity(path_to(drill, verb, self.parse), self.parse, verbal_trigger=False)
        if agents and targets and stance != NEGATED:
            yield Frame("opposition", around, agents=agents, partners=unique(targets),
                        hedged=stance == HEDGED)

    def drill_near(self, around: Token) -> Token | None:
        """Return the drill noun « autour » belongs to: its head, or its verb's object."""
        if self.parse.is_root(around):
            return None
        head = self.parse.head(around)
        for token in [head, *self.parse.children(head)]:
            if self.parse.folded[token.i] in phrase_words("drill"):
                return token
        return None

    def drill_partners(self, verb: Token) -> set[str]:
        """Return the entities a clause drills with (« avec Y »)."""
        return {
            mention.entity
            for token in self.parse.children(verb)
            for phrase in [token, *self.parse.children(token)]
            if self.parties.role(phrase) == "avec"
            for mention in self.parties.group(phrase)
        }

    def loyal_sides(self, root: Token) -> list[list[Mention]]:
        """Return the party each supporters' phrase under `root` is loyal to, one list a side.

        « des milices fidèles au Premier ministre A à d'autres proches du général B »:
        the parser may hang the complement of « fidèles » on the noun beside it.
        """
        sides: list[list[Mention]] = []
        stack = [(child, 1) for child in self.parse.children(root)]
        while stack:
            token, depth = stack.pop()
            if self.parse.folded[token.i] in phrase_words("loyalty"):
                side = self.loyal_to(token)
                if side:
                    sides.append(side)
            if depth < MAX_SIDE_DEPTH:
                stack.extend((child, depth + 1) for child in self.parse.children(token))
        return sorted(sides, key=lambda side: side[0].start_char)

    def loyal_to(self, word: Token) -> list[Mention]:
        """Return whom a loyalty word is loyal to: the « à » / « de » phrase right after it,
        wherever the parser hung that phrase (often on the noun the word qualifies)."""
        for child in self.parse.children(word):
            if child.i > word.i and self.parties.role(child) in LOYALTY_ROLES:
                return self.parties.group(child)
        after = word.right_edge.i + 1
        if after >= self.sent.end:
            return []
        phrase = self.parse.head(self.parse.token(after))
        if phrase.left_edge.i != after or self.parties.role(phrase) not in LOYALTY_ROLES:
            return []
        return self.parties.group(phrase)

    def add_loyal_sides(self, frame: Frame, root: Token) -> None:
        """Set the supporters' sides under `root` against each other when a mutual
        opposition has no agent (« des heurts ont opposé des milices fidèles à A ... »)."""
        if frame.relation != "opposition" or not frame.mutual or frame.agents or frame.groups:
            return
        sides = self.loyal_sides(root)
        if len(sides) >= 2:
            frame.agents = sides[0]
            frame.partners = [party for side in sides[1:] for party in side]
