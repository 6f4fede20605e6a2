"""What an organisation belongs to: part_of (organisation → country or organisation).

- a modifier of its name: "la DGSN du Maroc", "la Gendarmerie royale marocaine", a
  demonym inside the name ("Agence marocaine de presse"), but not a people's ("du peuple
  iranien": such movements often stand against their state);
- a demonym right after the name or its acronym: "L'Armée populaire de libération (APL)
  chinoise";
- the description an acronym is in apposition with, when it names an organisation
  ("le gouvernement libyen d'union nationale (GNA)", "la DGSE, l'agence française de
  renseignement extérieur"), not an item of a list or the subject of a new clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.vocabulary import RELATIONS

from ..records import Mention
from .parse import NameSpan
from .parse_repair import opens_with_source
from .parties import SentenceParties
from .posts import COORDINATORS, DETERMINERS, affiliation_words

TARGET_TYPES = frozenset(RELATIONS["affiliation"].target)  # organization, country
# A noun in one of these slots starts a clause of its own, not an apposition.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj", "obj", "iobj", "ROOT"})


class OwnerRelations:
    """Find what the organisations of one sentence belong to."""

    def __init__(self, parties: SentenceParties, mentions: list[Mention]) -> None:
        self.parties = parties
        self.mentions = mentions
        self.people = affiliation_words("people")
        self.org_nouns = affiliation_words("org_noun")
        self.folded = parties.folded
        self.sent = parties.sent

    def owners(self, mention: Mention, span: NameSpan) -> list[Mention]:
        """Return the countries and organisations an organisation belongs to."""
        found = self.nested_countries(mention, span)
        for i in range(span.start, span.end):
            for child in self.parties.parse.kids_of(i):
                if child.i in range(span.start, span.end) or self.parties.mention(child) == mention:
                    continue
                found.extend(self.owner_of(child))
        found.extend(self.long_form_owners(span))
        found.extend(self.following_demonym(span))
        return [m for m in found if m.entity != mention.entity]

    def owner_of(self, child: Token) -> list[Mention]:
        """Return the owner a modifier of an organisation's name names ("marocaine", "du Maroc")."""
        role = self.parties.role(child)
        if child.dep_ == "amod" or (child.dep_ == "nmod" and role == "de"):
            own = self.parties.own(child)
            if own is not None and own.type in TARGET_TYPES:
                return [own]
        return []

    def nested_countries(self, mention: Mention, span: NameSpan) -> list[Mention]:
        """Return the countries and organisations named inside an organisation's name.

        "Agence marocaine de presse" is Moroccan; "Organisation des moudjahidines du peuple
        iranien" speaks for a people, often against its state. An organisation is nested
        only after a « de » (`extract.entities.nested_organisations`): « la Commission de
        l'Union africaine » belongs to the Union.
        """
        found = []
        for other in self.mentions:
            if (
                other.type in TARGET_TYPES
                and other is not mention
                and mention.start_char <= other.start_char
                and other.end_char <= mention.end_char
            ):
                inner = self.parties.spans.get(other)
                head = None if inner is None else self.parties.parse.head(inner.root)
                if head is None or self.folded[head.i] not in self.people:
                    found.append(other)
        return found

    def long_form_owners(self, span: NameSpan) -> list[Mention]:
        """Return the owners of the common-noun phrase an acronym is in apposition with.

        "le gouvernement libyen d'union nationale (GNA)": the GNA is Libya's; "la DGSE,
        l'agence française de renseignement extérieur": the DGSE is France's.
        """
        parse = self.parties.parse
        root = span.root
        nouns = [c for c in parse.children(root) if c.dep_ == "appos"]
        if root.dep_ == "appos" and not parse.is_root(root):
            nouns.append(parse.head(root))
        following = self.apposed_noun(span)
        if following is not None:
            nouns.append(following)
        found = []
        for noun in nouns:
            if self.parties.mention(noun) is not None or self.folded[noun.i] not in self.org_nouns:
                continue
            found.extend(self.phrase_owners(noun))
        return found

    def phrase_owners(self, noun: Token) -> list[Mention]:
        """Return the owners a description names: its demonyms and "de" complements.

        Read off the whole phrase, not only the noun's children: the parser often hangs a
        demonym on the adjective before it ("le mouvement chiite libanais").
        """
        found = [
            own
            for child in self.parties.parse.children(noun)
            if self.parties.role(child) == "de"
            and (own := self.parties.own(child)) is not None
            and own.type == "organization"
        ]  # "la Minusma, la mission de l'ONU au Mali"
        for token in noun.subtree:
            own = self.parties.own(token)
            if own is None or own.type != "country" or token.i == noun.i:
                continue
            if self.parties.role(token) == "de" or (
                not self.parties.role(token) and self.folded[token.i].islower()
            ):
                found.append(own)
        return found

    def apposed_noun(self, span: NameSpan) -> Token | None:
        """Return the noun of ", l'agence française de ..." right after a name, if it is one.

        The parser often makes such an apposition a conjunct or a second subject. One
        followed by "et" is an item of a list ("la DGSN, la police marocaine et la
        gendarmerie"), one after a fronted source is a new clause ("Selon l'ONU, l'armée
        rwandaise a soutenu ..."), and so is a subject no comma closes.
        """
        i = self.past_acronym(span.end)
        if i + 2 >= self.sent.end or self.folded[i] != "," or self.folded[i + 1] not in DETERMINERS:
            return None
        if opens_with_source(self.sent) and "," not in self.folded[self.sent.start : i]:
            return None
        noun = self.parties.parse.token(i + 2)
        after = noun.right_edge.i + 1
        word_after = self.folded[after] if after < self.sent.end else ""
        if word_after in COORDINATORS:
            return None
        root = span.root
        head = self.parties.parse.head
        same_slot = noun.dep_ == root.dep_ and head(noun) == head(root)
        if noun.dep_ in ARGUMENT_DEPS and not same_slot and word_after != ",":
            return None
        return noun

    def past_acronym(self, i: int) -> int:
        """Return the index past a parenthesised acronym at `i` ("(APL)"), or `i`."""
        if i + 2 < self.sent.end and self.folded[i] == "(" and self.folded[i + 2] == ")":
            return i + 3
        return i

    def following_demonym(self, span: NameSpan) -> list[Mention]:
        """Return the country of a demonym right after the name or its acronym.

        "L'Armée populaire de libération (APL) chinoise": the parser often makes the
        demonym a word of its own once a parenthesis stands between.
        """
        i = self.past_acronym(span.end)
        if i >= self.sent.end:
            return []
        other = self.parties.at.get(i)
        token = self.parties.parse.token(i)
        if other is not None and other.type == "country" and token.text.islower():
            return [other]
        return []
