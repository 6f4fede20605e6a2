"""Parse repair: a person the parser set in apposition to a place (« à Tunis, le général X »).

« la rencontre qui a réuni, mardi, à Tunis, le général X, ..., et le général Y »: the
parser reads « le général X » as an apposition of « Tunis ». A place cannot be restated
as a person: the apposition belongs to the word the place phrase hangs on (here the
meeting, whose parties it names). Only a place with a preposition (« à », « en »,
« dans ») and an apposition that holds a person's name (NER `PER`) are moved.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP
from spacy.tokens import Doc, Token

PLACE_CASES = frozenset({"à", "a", "en", "dans", "au", "aux"})


def person_off_place(doc: Doc) -> bool:
    """Hang each person apposed to a place on the place's own head; return True if any.

    Reads the dependency labels as one array, so only appositions build a Token.
    """
    appos = doc.vocab.strings["appos"]
    moved = False
    for i in numpy.flatnonzero(doc.to_array(DEP) == appos).tolist():
        token = doc[i]
        place = token.head
        if place.ent_type_ != "LOC" or place.head == place or not has_place_case(place):
            continue
        if names_person(token):
            token.head = place.head
            moved = True
    return moved


def names_person(token: Token) -> bool:
    """Return True when the phrase of `token` starts with a person's name (« le général X »)."""
    return any(t.ent_type_ == "PER" for t in token.subtree if t.i <= token.i + 3)


def has_place_case(place: Token) -> bool:
    """Return True for a place phrase with a preposition of place (« à Tunis »)."""
    return any(c.dep_ == "case" and c.lower_ in PLACE_CASES for c in place.children)
