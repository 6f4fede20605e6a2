"""Who a phrase of the parse stands for: the parties of a relation.

A party is a mention (person, organisation, country) reached from a token of the parse:
the token itself when it is a mention, else the demonyms and "de" complements of a
common noun ("une délégation qatarie", "les experts du Maroc"), and their conjuncts.
A capital stands for its country only in an argument position ("Rabat et Doha ont
signé"), never as a place ("à Rabat"). The slots and clause walks these rules read the
parse through are in `extract.relations.clauses`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..records import GRAPH_ENTITY_TYPES, Mention
from .clauses import AGENT_DEPS, ANY_SUBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, case_role
from .compounds import compound_mentions
from .control import misparsed_apposition, stray_demonym
from .lexicons import bystander_heads, capital_key, capitals, object_control_verbs
from .descriptions import described_organisation
from .officials import OfficialParties, is_post
from .parse import DocWords, NameSpan, SentenceParse

OBJECT_DEPS = frozenset({"obj", "iobj"})
# A clause with no subject of its own takes the one of the clause it depends on.
CONTROLLED_DEPS = frozenset({"xcomp", "advcl", "conj"})
# Where the object of « demander à X de », « exhorter X à » hangs.
CONTROLLER_DEPS = frozenset({"obj", "iobj", "obl:arg", "obl"})
# Modifiers of a common noun that can name who the noun belongs to.
MODIFIER_DEPS = frozenset({"amod", "nmod", "appos", "acl", "flat", "flat:name"})
RELATIVE_PRONOUNS = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles"})
SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles"})
# Words that restate the phrase before them by naming its members.
RESTATEMENT_MARKERS = (("c'", "est", "-", "a", "-", "dire"), ("c'est-a-dire",), ("a", "savoir"))
# What may stand between a name and the "qui" that refers to it: "X [Y], qui".
ANTECEDENT_GAP = frozenset({",", "(", ")", "[", "]"})
# Slots where a bare capital names its government rather than a place.
CAPITAL_ACTOR_DEPS = frozenset({"nsubj", "nsubj:pass", "appos"})
MAX_DEPTH = 2
# An enumeration misparsed as siblings: what may separate its items.
LIST_DEPS = frozenset({"conj", "obl", "obl:mod", "obl:arg", "nmod", "obj"})
LIST_GLUE = frozenset({",", "et", "ou", "le", "la", "les", "l'", "un", "une", "des"})


class SentenceParties(OfficialParties):
    """The mentions of one sentence, indexed by token, and the parties phrases stand for."""

    def __init__(
        self, doc: Doc, sent: Span, mentions: list[Mention], *, words: DocWords | None = None
    ) -> None:
        self.sent = sent
        words = words or DocWords(doc)
        self.parse = SentenceParse(sent, words)
        self.folded = self.parse.folded
        self.children = self.parse.children
        self.head = self.parse.head
        self.roles: dict[int, str] = {}
        self.states: list[Mention] = []  # capitals read as their country
        # Several triggers of a clause ask for the same phrases: walk each once.
        self.groups: dict[tuple[int, int], list[Mention]] = {}
        self.subjects: dict[int, list[Mention]] = {}
        # States and bodies named only inside an official's post (see `officials`).
        self.official_states: set[tuple[int, str]] = set()
        self.holders: dict[int, Mention | None] = {}
        self.at: dict[int, Mention] = {}
        self.spans: dict[Mention, NameSpan] = {}
        # "les deux pays" is two mentions on one span: the first is indexed, these follow it.
        self.alike: dict[Mention, list[Mention]] = {}
        # Longer mentions first, so a name wins over a shorter mention nested in it; but a
        # place that holds a country ("l'État chinois" read as a place) gives way to it.
        for mention in sorted(mentions, key=lambda m: m.start_char - m.end_char):
            if mention.type == "location" and holds_country(mention, mentions):
                continue
            bounds = words.token_range(mention.start_char, mention.end_char)
            if bounds is None:
                continue
            span = self.spans[mention] = NameSpan(*bounds, self.parse)
            first = self.at.get(span.start)
            if first is not None and (first.start_char, first.end_char) == (
                mention.start_char,
                mention.end_char,
            ):
                self.alike.setdefault(first, []).append(mention)
                continue
            for i in range(span.start, span.end):
                self.at.setdefault(i, mention)
        self.capitals = capitals()

    def role(self, token: Token) -> str:
        """Return `case_role(token)`, computed once per token."""
        role = self.roles.get(token.i)
        if role is None:
            role = self.roles[token.i] = case_role(token, self.parse)
        return role

    def mention(self, token: Token) -> Mention | None:
        """Return the mention `token` belongs to, if any."""
        return self.at.get(token.i)

    def own(self, token: Token) -> Mention | None:
        """Return the party `token` itself names: a graph mention, or a capital as its country."""
        mention = self.mention(token)
        if mention is None:
            return None
        if mention.type in GRAPH_ENTITY_TYPES:
            return mention
        if mention.type != "location" or not self.stands_for_state(token):
            return None
        return self.capital_state(token)

    def capital_state(self, token: Token) -> Mention | None:
        """Return the country a capital at `token` stands for, whatever its slot."""
        mention = self.mention(token)
        if mention is None or mention.type != "location":
            return None
        code = self.capitals.get(capital_key(mention.text))
        if code is None:
            return None
        state = replace(mention, type="country", entity=f"country:{code}")
        self.states.append(state)
        return state

    def stands_for_state(self, token: Token) -> bool:
        """Return True when a capital is an actor ("Rabat et Doha ont signé", "avec Rabat",
        "la mission de Tel-Aviv"), not a place ("à Rabat", "a visité Rabat", "arrivé de Rabat")."""
        role = self.role(token)
        if role in ("avec", "entre"):
            return True
        if role in ("de", "par"):
            return token.dep_ in ("nmod", "obl:agent")
        if not role and token.dep_ == "conj" and not self.parse.is_root(token):
            return self.stands_for_state(self.head(token))
        return not role and token.dep_ in CAPITAL_ACTOR_DEPS

    def parties(self, token: Token, *, depth: int = 0) -> list[Mention]:
        """Return the parties one phrase stands for (without its coordinated phrases)."""
        compound = self.compound_states(token)
        if compound:
            return compound  # « franco-allemande »: both states
        own = self.own(token)
        if own is not None:
            if own.type == "person":
                # « les ministres »: every holder of the post named before (`alike`).
                alike = self.alike.get(own, ())
                return [own, *alike, *self.represented(token), *self.apposed_people(token)]
            return [own, *self.alike.get(own, ())]
        if self.mention(token) is not None or depth >= MAX_DEPTH:
            return []
        if self.folded[token.i] in bystander_heads():
            return []  # « la presse marocaine » is not Morocco
        post = is_post(token, self.parse, self.at)
        named = None if post else described_organisation(token, self.parse, self.at, self.sent.end)
        if named is not None:
            return [named, *self.alike.get(named, ())]  # « la société suédoise Saab »
        found: list[Mention] = []
        for child in self.children(token):
            if child.dep_ not in MODIFIER_DEPS:
                continue
            role = self.role(child)
            if role == "de":
                found.extend(self.group(child, depth=depth + 1))
            elif not role and self.own(child) is not None:
                found.extend(self.group(child, depth=depth + 1))
            elif not role and child.dep_ == "appos":
                found.extend(self.titled_names(child))
        if post:
            found += self.post_parties(token, found)
        return found

    def compound_states(self, token: Token) -> list[Mention]:
        """Return the states of a compound demonym at `token` (`compounds`), as mentions."""
        sent = next(iter(self.at.values())).sent if self.at else 0
        found = compound_mentions(token, self.parse, sent)
        self.states.extend(found)  # the document gets the country if it lacks it
        return found

    def group(self, token: Token, *, depth: int = 0) -> list[Mention]:
        """Return the parties of a phrase and of the phrases coordinated with it."""
        key = (token.i, depth)
        cached = self.groups.get(key)
        if cached is None:
            cached = self.groups[key] = self.walk_group(token, depth=depth)
        return list(cached)  # callers extend what they get

    def walk_group(self, token: Token, *, depth: int) -> list[Mention]:
        """Compute `group`."""
        found = self.parties(token, depth=depth)
        for conjunct in self.conjuncts(token):
            found.extend(self.parties(conjunct, depth=depth))
        for item in list_continuation(token, self):
            found.extend(self.group(item, depth=depth))
        if not found and depth == 0:
            found = self.restated(token)
        return unique(found)

    def restated(self, token: Token) -> list[Mention]:
        """Return the names a phrase is restated as ("les pays voisins, c'est-à-dire X et Y").

        The parser hangs the restatement anywhere; the words say what it restates: the
        phrase right before "c'est-à-dire" or "à savoir".
        """
        end = token.right_edge.i + 1
        if end < self.sent.end and self.folded[end] == ",":
            end += 1
        for marker in RESTATEMENT_MARKERS:
            after = end + len(marker)
            if tuple(self.folded[end:after]) == marker and after < self.sent.end:
                start = self.at.get(after) or self.at.get(after + 1)
                if start is None:
                    return []
                first = self.spans[start].root
                return [m for m in self.group(first) if m.type in GRAPH_ENTITY_TYPES]
        return []

    def conjuncts(self, token: Token) -> list[Token]:
        """Return the phrases coordinated with `token`, or with any word of its mention.

        The parser may hang a conjunct on a word inside a name ("Les Émirats arabes
        unis, Bahreïn et le Maroc": Bahreïn and Maroc under "unis").
        """
        found = self.parse.conjuncts(token)
        mention = self.mention(token)
        if mention is not None:
            inside = self.spans[mention]
            found += [
                c
                for i in range(inside.start, inside.end)
                for c in self.parse.kids_of(i)
                if c.dep_ == "conj" and self.at.get(c.i) != mention
            ]
        return list(dict.fromkeys(found))

    def agents(self, verb: Token) -> list[Mention]:
        """Return who acts in the clause of `verb`: its subject, or the agent of a passive."""
        cached = self.subjects.get(verb.i)
        if cached is None:
            cached = self.subjects[verb.i] = self.walk_agents(verb)
        return list(cached)

    def walk_agents(self, verb: Token) -> list[Mention]:
        """Compute `agents`."""
        found: list[Mention] = []
        has_subject = False
        for child in self.children(verb):
            if child.dep_ in SUBJECT_DEPS and self.passive_subject(verb, child):
                has_subject = True
            elif child.dep_ in SUBJECT_DEPS and (
                (self.mention(child) is None and misparsed_apposition(child, self.parse))
                or stray_demonym(child, self.parse)
            ):
                continue  # "X, deux alliés de Y, ont signé": Y is not a subject
            elif child.dep_ in SUBJECT_DEPS:
                has_subject = True
                if self.folded[child.i] in RELATIVE_PRONOUNS and verb.dep_ == "acl:relcl":
                    found.extend(self.group(self.head(verb)))
                elif self.folded[child.i] in RELATIVE_PRONOUNS:
                    found.extend(self.antecedent(child))
                elif self.folded[child.i] in SUBJECT_PRONOUNS and verb.dep_ == "conj":
                    # "X a réaffirmé ... et il a rejeté ...": the pronoun is X.
                    found.extend(self.agents(self.head(verb)))
                else:
                    found.extend(self.group(child))
            elif child.dep_ in AGENT_DEPS or (self.role(child) == "par" and self.is_passive(verb)):
                has_subject = True
                found.extend(self.group(child))
            elif child.dep_ in PASSIVE_SUBJECT_DEPS:
                has_subject = True
        if not has_subject and verb.dep_ in CONTROLLED_DEPS and not self.parse.is_root(verb):
            controller = self.object_controller(verb)
            return self.agents(self.head(verb)) if controller is None else controller
        return unique(found)

    def object_controller(self, verb: Token) -> list[Mention] | None:
        """Return who does an infinitive governed by « demander à X de », « exhorter X à ».

        The object of such a verb does the infinitive, not its subject: « La France a demandé
        au Mali de coopérer avec la Cédéao » is Mali's cooperation. None when the governing
        verb is not one of them or has no object (« X a demandé à coopérer »: X's own);
        [] when its object names no party (« a exhorté les pays voisins à coopérer »).
        """
        head = self.head(verb)
        if verb.dep_ != "xcomp" or self.folded[head.i] not in object_control_verbs():
            return None
        objects = [
            c
            for c in self.children(head)
            if c.dep_ in CONTROLLER_DEPS and c.i != verb.i and self.role(c) in ("", "à")
        ]
        if not objects:
            return None
        return unique([m for c in objects for m in self.group(c)])

    def antecedent(self, pronoun: Token) -> list[Mention]:
        """Return the party a relative pronoun the parser cut from its noun stands for.

        "l'Organisation ... [OMPI], qui s'oppose au régime": a bracket can make the
        relative clause a sentence of its own; its "qui" still means the name right
        before it, past commas and brackets only.
        """
        i = pronoun.i - 1
        while i >= self.sent.start and self.folded[i] in ANTECEDENT_GAP:
            i -= 1
        if i < self.sent.start or i == pronoun.i - 1:
            return []  # "X qui": the parser would have made it a relative clause
        party = self.own(self.parse.token(i))
        return [party] if party is not None else []

    def patients(self, verb: Token) -> list[Mention]:
        """Return who undergoes the clause of `verb`: its object, or the subject of a passive.

        A partitive object ("forme des pilotes tunisiens") is often parsed as a "de"
        complement of the verb, and a plain object as a bare "nmod" ("financerait le
        Hamas"); both count as the object.
        """
        found: list[Mention] = []
        for child in self.children(verb):
            if (
                child.dep_ in OBJECT_DEPS
                or child.dep_ in PASSIVE_SUBJECT_DEPS
                or (child.dep_ == "nmod" and self.role(child) in ("de", ""))
            ):
                found.extend(self.group(child))
            elif child.dep_ in SUBJECT_DEPS and self.passive_subject(verb, child):
                if self.folded[child.i] in RELATIVE_PRONOUNS and verb.dep_ == "acl:relcl":
                    found.extend(self.group(self.head(verb)))
                else:
                    found.extend(self.group(child))
        return unique(found)

    def is_passive_participle(self, token: Token) -> bool:
        """Return True for a participle with an agent and no subject ("menée par X")."""
        children = self.children(token)
        return any(c.dep_ in AGENT_DEPS for c in children) and not any(
            c.dep_ in ANY_SUBJECT_DEPS for c in children
        )

    def passive_subject(self, verb: Token, subject: Token) -> bool:
        """Return True for a subject the parser left active on a passive verb with an agent.

        « X a été reçu par Y » sometimes comes out with X as `nsubj`: X undergoes it.
        """
        return self.is_passive(verb) and any(
            c.dep_ in AGENT_DEPS or self.role(c) == "par" for c in self.children(verb)
        )

    def is_passive(self, verb: Token) -> bool:
        """Return True for a passive verb ("a été sanctionné")."""
        return any(child.dep_ == "aux:pass" for child in self.children(verb))

    def subject_of(self, sent: Span) -> list[Mention]:
        """Return the parties of the main subject of a sentence."""
        return self.agents(sent.root)


def holds_country(place: Mention, mentions: list[Mention]) -> bool:
    """Return True when a place mention contains a country mention ("État chinois")."""
    return any(
        m.type == "country" and place.start_char <= m.start_char and m.end_char <= place.end_char
        for m in mentions
        if m is not place
    )


def list_continuation(token: Token, parties: SentenceParties) -> list[Token]:
    """Return the names that continue an enumeration the parser hung on the wrong head.

    In "avec le Sénégal, le Mali et la Tunisie" or "entre l'Iran et Israël" the parser
    often attaches the later items to the head of the first one instead of to the first
    one. A following sibling that names a party, has no case of its own, and is separated
    from `token`'s phrase only by commas, "et"/"ou" and determiners continues the list.
    """
    if parties.parse.is_root(token) or not names_someone(token, parties):
        return []
    found = []
    end = token.right_edge.i
    for sibling in parties.children(parties.head(token)):
        if sibling.i <= end or sibling.dep_ not in LIST_DEPS or parties.role(sibling):
            continue
        gap = parties.folded[end + 1 : parties_start(sibling, parties.parse)]
        if not names_someone(sibling, parties) or not all(word in LIST_GLUE for word in gap):
            break
        found.append(sibling)
        end = sibling.right_edge.i
    return found


def names_someone(token: Token, parties: SentenceParties) -> bool:
    """Return True for an item of an enumeration: a name, or a post naming its holder."""
    if parties.own(token) is not None:
        return True
    return is_post(token, parties.parse, parties.at) and parties.holder(token) is not None


def parties_start(token: Token, parse: SentenceParse) -> int:
    """Return where the phrase of `token` starts, past its coordinating word."""
    start = token.left_edge.i
    while start < token.i and parse.token(start).dep_ in ("cc", "det", "punct"):
        start += 1
    return start


def key(mention: Mention) -> tuple[int, str]:
    """Return what tells one mention of a sentence from another."""
    return mention.start_char, mention.entity


def unique(mentions: list[Mention]) -> list[Mention]:
    """Return one mention per entity, in order."""
    seen: dict[str, Mention] = {}
    for mention in mentions:
        seen.setdefault(mention.entity, mention)
    return list(seen.values())
