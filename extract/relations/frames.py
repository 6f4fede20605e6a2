"""Cooperation and opposition stated by a trigger word or by "contre" / "face à".

A trigger relates its agents (the subject of its clause, the owner of a trigger noun:
"la coopération du Maroc", "l'aide américaine") to its partners ("avec", the object of
"accueillir", the "à" of "aide", ...). With no partner, a mutual trigger relates its
coordinated agents to each other ("Le Maroc et le Qatar coopèrent"); "entre X et Y"
relates X and Y. Two names in a sentence that no trigger links are never related.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from ..records import Mention
from .clauses import (
    AGENT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    clause_head,
    clause_tokens,
    has_subject,
    looks_nominal,
    path_to,
)
from .conflict_phrases import ConflictPhrases, phrase_triggers
from .control import apposed_name, infinitive_owner
from .lexicons import Trigger, trigger_table
from .modality import ASSERTED, HEDGED, NEGATED, polarity
from .opposition import RELATIVE_SUBJECTS, OppositionRules
from .pairs import Frame
from .participles import agent_phrases, carrier_modifiers, noun_participles, qualified_noun
from .parties import SentenceParties, unique
from .visits import visitor_states

OPPOSING_ROLES = frozenset({"contre", "face"})
REFLEXIVES = frozenset({"se", "s'"})
OBJECT_DEPS = frozenset({"obj"})
PARTITIVES = frozenset({"des", "du", "de", "d'"})
ACTOR_DEPS = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | AGENT_DEPS


class FrameFinder(OppositionRules, ConflictPhrases):
    """Read the trigger frames of one sentence."""

    def __init__(
        self,
        sent: Span,
        parties: SentenceParties,
        previous_subject: Callable[[], list[Mention]],
    ) -> None:
        self.sent = sent
        self.parties = parties
        self.previous_subject = previous_subject
        self.marked: dict[tuple[int, bool], list[tuple[Token, str]]] = {}
        self.triggers = trigger_table()
        self.parse = parties.parse
        self.phrase_triggers = phrase_triggers()

    def frames(self) -> Iterator[Frame]:
        """Yield the asserted or hedged frames of the sentence."""
        folded = self.parties.folded
        for i in range(self.sent.start, self.sent.end):
            word = folded[i]
            kind = self.phrase_triggers.get(word)
            if kind is not None:  # « a conquis le territoire de Y » (`conflict_phrases`)
                yield from self.phrase_frames(self.parse.token(i), kind)
            forms = self.triggers.get(word)
            if not forms and word not in OPPOSING_ROLES:
                continue  # most words: no Token built
            if i in self.parties.at:
                continue  # a word of a name: « l'Agence de coopération militaire »
            token = self.parse.token(i)
            adjective = forms.get("adj") if forms and token.dep_ == "amod" else None
            if adjective is not None:
                yield from self.adjective_frame(token, adjective)
            elif forms:
                nominal = looks_nominal(token, self.parse)
                trigger = forms.get("noun" if nominal else "verb")
                if trigger is not None and self.fits(token, trigger):
                    yield from self.trigger_frame(token, trigger, nominal=nominal)
            if token.dep_ == "case" and word in OPPOSING_ROLES:
                yield from self.opposing_frame(self.parse.head(token))

    def adjective_frame(self, adjective: Token, trigger: Trigger) -> Iterator[Frame]:
        """Yield the frame of a joint-action adjective as its noun's ("patrouilles conjointes")."""
        noun = self.parse.head(adjective)
        if noun == adjective or (trigger.heads and self.parse.folded[noun.i] not in trigger.heads):
            return
        if self.triggers.get(self.parse.folded[noun.i], {}).get("noun") is not None:
            return  # "un exercice conjoint": the noun is a trigger of its own
        yield from self.trigger_frame(noun, replace(trigger, pos="noun"), nominal=True)

    def fits(self, token: Token, trigger: Trigger) -> bool:
        """Return True when a verb trigger has what its row asks: "se", a matching object."""
        if trigger.reflexive and not any(
            self.parse.folded[c.i] in REFLEXIVES for c in self.parse.children(token)
        ):
            return False
        if not (trigger.objects or trigger.excluded_objects or trigger.intransitive):
            return True
        objects = [c for c in self.parse.children(token) if self.is_object(c)]
        if trigger.intransitive:
            return not objects  # "lié à X", not "lie des agents au meurtre"
        if any(self.names_object(c, trigger.excluded_objects) for c in objects):
            return False  # "échanger des tirs" is no exchange of views
        return not trigger.objects or any(self.names_object(c, trigger.objects) for c in objects)

    def is_object(self, token: Token) -> bool:
        """Return True for a trigger's object, also when the parser reads "des" as "de les".

        "La Turquie vend des drones à X": the partitive article comes out as a case
        marker and "drones" as an oblique, though it is what is sold.
        """
        if token.dep_ in OBJECT_DEPS:
            return True
        # A noun's "de" complement is its object too: "un échange de tirs".
        return token.dep_.startswith(("obl", "nmod")) and any(
            c.dep_ == "case" and self.parse.folded[c.i] in PARTITIVES
            for c in self.parse.children(token)
        )

    def names_object(self, token: Token, words: frozenset[str]) -> bool:
        """Return True when the phrase of `token` (two levels down) has one of `words`."""
        folded = self.parse.folded
        if folded[token.i] in words:
            return True
        return any(
            folded[c.i] in words or any(folded[g.i] in words for g in self.parse.children(c))
            for c in self.parse.children(token)
        )

    def partner_group(self, token: Token, trigger: Trigger) -> list[Mention]:
        """Return the parties of a partner phrase; "à" + a capital is its state unless a visit."""
        found = self.parties.group(token)
        if not found and not trigger.visit and self.parties.role(token) == "à":
            state = self.parties.capital_state(token)
            if state is not None:
                found = [state]
        return found

    def trigger_frame(self, token: Token, trigger: Trigger, *, nominal: bool) -> Iterator[Frame]:
        """Yield the frame of one trigger word, unless the clause denies it."""
        verb = clause_head(token, self.parse)
        owner = infinitive_owner(verb, self.parse)  # "X a souligné la nécessité de coopérer"
        path = path_to(token, owner or verb, self.parse)
        stance = polarity(path, self.parse, verbal_trigger=not nominal)
        if stance == NEGATED:
            return
        frame = Frame(
            trigger.relation,
            token,
            mutual=trigger.mutual,
            hedged=stance == HEDGED,
            officials=self.parties.official_states,
        )
        if trigger.relation == "opposition":
            # "combattre contre X": X is the other side, not a third ally.
            trigger = replace(trigger, partners=trigger.partners | OPPOSING_ROLES)
        # A trigger in the clause's subject or agent ("perturbée par le boycott chinois").
        in_subject = any(t.dep_ in ACTOR_DEPS for t in path[:-1])
        if nominal:
            self.noun_roles(frame, token, verb, trigger, in_subject=in_subject)
        else:  # « X a protesté et a accusé Y »: the second verb's own object
            self.verb_roles(frame, token if token.dep_ == "conj" else verb, trigger)
        search_root = token if in_subject or verb == token else verb
        # A verb's "à" partner may hang inside its object ("livré des armes de combat à X").
        roles = frozenset() if nominal else trigger.partners - {"obj", "de"}
        self.marked_partners(frame, search_root, trigger, roles, skip_subject=search_root == verb)
        if nominal and trigger.mutual:
            # "la tension qui règne entre X et Y": the noun's own relative clause.
            for clause in self.relative_clauses(token, RELATIVE_SUBJECTS, "nsubj"):
                self.marked_partners(frame, clause, trigger, frozenset(), skip_subject=True)
        owned = nominal and {m.entity for m in frame.partners} <= {
            m.entity for m in self.owners(token)
        }
        if nominal and not in_subject and owned:
            # Partners that are only the conflict's own authors ("la guerre menée par X")
            # do not make the subject who speaks of it a side.
            if self.onlooker_subject(token, verb, trigger):
                frame.agents = self.owners(token)  # "la guerre du Soudan": its own sides only
                frame.partners = []
        if owner is not None and not frame.agents:
            frame.agents = self.parties.agents(owner)
        if nominal and trigger.relation == "opposition" and not frame.partners:
            # "le soutien à Y dans la guerre menée par X": Y is X's other side; the
            # clause's subject (who supports) is no side of it.
            owners = self.owners(token)
            supported = self.supported(token, verb) if owners else []
            if supported:
                frame.agents, frame.partners = owners, supported
        if nominal and trigger.relation == "opposition" and self.is_detached(token, verb):
            frame.agents = self.last_actor(token)
        if trigger.visit:
            frame.agents = visitor_states(frame.agents, frame.partners, self.parties)
        self.add_loyal_sides(frame, token if nominal else verb)  # « milices fidèles à A »
        frame.agents, frame.partners = unique(frame.agents), unique(frame.partners)
        if trigger.relation == "cooperation" and not (nominal or trigger.mutual) and frame.partners:
            joint = self.joint_subjects(verb)
            if len(joint) >= 2:
                frame.groups.append(joint)  # "X et Y ont aidé Z": X and Y act together
        yield frame

    def joint_subjects(self, verb: Token) -> list[Mention]:
        """Return the parties named by coordinated subjects of `verb` ("X et Y ont formé").

        Only names and their conjuncts count: the modifiers of one subject (« les
        experts marocains de la DGSN ») are one actor, not two partners.
        """
        found: list[Mention] = []
        for child in self.parse.children(verb):
            if child.dep_ not in SUBJECT_DEPS:
                continue
            for item in [child, *self.parties.conjuncts(child)]:
                own = self.parties.own(item)
                if own is not None:
                    found.append(own)
        return unique(found)

    def verb_roles(self, frame: Frame, verb: Token, trigger: Trigger) -> None:
        """Fill agents and partners of a verb trigger from its clause."""
        transitive = "obj" in trigger.partners
        noun, undergoes = qualified_noun(verb, self.parse, self.parties.role, transitive=transitive)
        qualified = self.parties.group(noun) if noun is not None else []
        frame.agents = self.parties.agents(verb) or ([] if undergoes else qualified)
        patients = self.parties.patients(verb) + (qualified if undergoes else [])
        if "obj" in trigger.partners:
            frame.partners += patients
            if not patients and not trigger.visit:
                # "a accusé Pékin", "a rencontré Rabat": the object a relation is with is
                # an actor; a place is what a visit reaches ("a visité Rabat").
                frame.partners += self.capital_objects(verb)
            if not patients and trigger.relation == "opposition":
                frame.partners += self.own_agreement_partners(verb)
            if trigger.object_group and len(patients) >= 2:
                frame.groups.append(patients)  # "la rencontre qui a réuni X et Y"
        elif not frame.agents:
            frame.agents = patients
        for child in self.parse.children(verb):
            if self.parties.role(child) in trigger.partners:
                frame.partners += self.partner_group(child, trigger)

    def noun_roles(
        self, frame: Frame, noun: Token, verb: Token, trigger: Trigger, *, in_subject: bool
    ) -> None:
        """Fill agents and partners of a noun trigger: the verb's subject or the noun's owner."""
        modifiers, complements = [], []
        for child in self.parse.children(noun):
            role = self.parties.role(child)
            if child.dep_ == "amod" or (child.dep_ in ("nmod", "appos") and not role):
                modifiers += self.parties.group(child)
            elif role == "de":
                complements += self.parties.group(child)
            elif role in trigger.partners:
                frame.partners += self.partner_group(child, trigger)
        modifiers += carrier_modifiers(noun, self.parties, self.triggers)
        for phrase in noun_participles(noun, self.parse):  # "l'aide accordée à X"
            role = self.parties.role(phrase)
            if role in trigger.partners:
                frame.partners += self.partner_group(phrase, trigger)
            elif role == "par" or phrase.dep_ == "obl:agent":
                modifiers += self.parties.group(phrase)
        doers = agent_phrases(noun, self.parse, self.parties.role)
        if doers := [m for phrase in doers for m in self.parties.group(phrase)]:
            frame.agents = doers  # « la signature par A et B d'un accord »: not the subject's
            return
        named = apposed_name(noun, self.parse) if trigger.relation == "cooperation" else None
        if named is not None and self.parties.group(named):
            # "le Japon, allié des États-Unis": said of Japan.
            frame.agents = self.parties.group(named)
            frame.partners += modifiers + complements
            return
        if trigger.mutual and not frame.partners and len(unique(modifiers + complements)) >= 2:
            # "Le Japon a salué la coopération franco-allemande": its sides are named on it.
            frame.agents = modifiers + complements
            return
        if in_subject or (verb != noun and self.opposes(verb)):
            # "L'Algérie a dénoncé l'accord du Maroc": who denounces is no party to it.
            verb_agents = []
        elif verb == noun:
            # "Le Maroc est un allié des États-Unis": the subject of a noun predicate.
            verb_agents = self.parties.agents(noun) if has_subject(noun, self.parse) else []
        else:
            verb_agents = self.parties.agents(verb)
        if verb_agents and trigger.visit and frame.partners:  # « lors de la visite en Algérie
            verb_agents, modifiers = verb_agents + modifiers, []  # du ministre X »: a visitor
        if verb_agents:
            frame.agents = verb_agents
            frame.partners += modifiers
            if "de" in trigger.partners:
                frame.partners += complements
        else:
            frame.agents = modifiers + complements
        if not in_subject and verb != noun:
            for child in self.parse.children(verb):
                if child != noun and self.parties.role(child) in trigger.partners - {"de"}:
                    frame.partners += self.partner_group(child, trigger)

    def marked_partners(
        self,
        frame: Frame,
        root: Token,
        trigger: Trigger,
        roles: frozenset[str],
        *,
        skip_subject: bool,
    ) -> None:
        """Add the "avec" partners, "entre" groups and `roles` partners under `root`."""
        key = (root.i, skip_subject)
        marked = self.marked.get(key)
        if marked is None:
            # Several triggers share a clause: list its case-marked phrases once.
            marked = self.marked[key] = [
                (token, role)
                for token in clause_tokens(root, self.parse, skip_subject=skip_subject)
                if (role := self.parties.role(token))
            ]
        one_sided_opposition = trigger.relation == "opposition" and not trigger.mutual
        for token, role in marked:
            if one_sided_opposition and self.belongs_to_other_trigger(token, frame.trigger):
                continue  # "condamner l'attaque contre X": X is the attack's target
            if role == "avec" and not one_sided_opposition:
                frame.partners += self.parties.group(token)
            elif role in roles:  # "avec" only if the row lists it: "rompre avec X"
                frame.partners += self.partner_group(token, trigger)
            elif role == "entre" and self.states_between(token, trigger):
                group = self.parties.group(token)
                if len(group) >= 2:
                    frame.groups.append(group)
                else:
                    frame.partners += group

    def opposes(self, verb: Token) -> bool:
        """Return True when `verb` is itself a one-sided opposition ("condamner", "dénoncer").

        A verb that opposes only with some objects ("lancer des frappes") launches what
        it names: "lancer une attaque contre X" is the subject's attack.
        """
        found = self.triggers.get(self.parse.folded[verb.i], {}).get("verb")
        return (
            found is not None
            and found.relation == "opposition"
            and not found.mutual
            and not found.objects
        )

    def belongs_to_other_trigger(self, token: Token, trigger: Token) -> bool:
        """Return True when the phrase at `token` hangs on another trigger noun."""
        head = self.parse.head(token)
        return head != trigger and self.triggers.get(self.parse.folded[head.i]) is not None

    def states_between(self, token: Token, trigger: Trigger) -> bool:
        """Return True when "entre X et Y" at `token` gives the trigger's relation to X and Y.

        A mutual trigger's does ("la coopération entre X et Y"). Under a one-sided trigger
        the phrase is what it acts on: "dénoncer l'alliance entre X et Y" does not set X
        against Y, and in "financer la guerre entre X et Y" the war speaks for itself; an
        "entre" phrase on a plain noun still brings X and Y together ("accueillir une
        réunion entre X et Y").
        """
        if trigger.mutual:
            return True
        if trigger.relation == "opposition":
            return False
        owner = self.parse.head(token)
        return owner == token or not self.triggers.get(self.parse.folded[owner.i])

    def owners(self, noun: Token) -> list[Mention]:
        """Return the parties a noun's demonyms and "de" complements name ("la lutte du Maroc"),
        and the agent of a participle on it ("la guerre menée par X")."""
        found = []
        for child in self.parse.children(noun):
            role = self.parties.role(child)
            if child.dep_ == "amod" or (child.dep_ == "nmod" and role in ("", "de")):
                found += self.parties.group(child)
            elif child.dep_ == "acl" and self.parties.is_passive_participle(child):
                found += [
                    party
                    for grandchild in self.parse.children(child)
                    if grandchild.dep_ == "obl:agent"
                    for party in self.parties.group(grandchild)
                ]
        return found

    def capital_objects(self, verb: Token) -> list[Mention]:
        """Return the states of the capitals that are the object of `verb`."""
        found = []
        for child in self.parse.children(verb):
            if child.dep_ in OBJECT_DEPS and not self.parties.role(child):
                state = self.parties.capital_state(child)
                if state is not None:
                    found.append(state)
        return found


__all__ = ["ASSERTED", "Frame", "FrameFinder"]
