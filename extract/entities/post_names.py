"""A name in the slot right after a post is a person's, whatever the model typed it.

« le Premier ministre grec Alexis Tsipras », « le ministre de la Défense estonien Hanno
Pevkur », « l’ambassadeur chilien en Argentine Juan Gómez »: French puts the holder's
name right after the post, its portfolio, its demonym and where it serves. The model
often reads such a name as a place or an organisation, takes the country before it into
the name (« Argentine Juan Gómez »), or misses it. The slot is read off the words before
the name, right to left, and the parse only where a lower-case word stands in it:

    post [adjective] [de + portfolio or organisation] [demonym] [en/au + country] Name

A comma, a verb or any other word closes the slot: « le ministre a visité Abidjan »
names a place.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from ..tokens import TokenTable
from .candidates import Candidate
from .countries import fold
from .group_names import group_nouns
from .name_spans import NAME_PARTICLES, is_title, names_organisation, post_words, previous_word
from .non_names import title_words

# What links a post to its portfolio or organisation: « de la Défense », « du Conseil ».
LINKS = frozenset({"de", "du", "des", "d'"})
ARTICLES = frozenset({"la", "l'", "le", "les"})
# What links a post to the state where it serves: « en Argentine », « au Vietnam ».
PLACE_LINKS = frozenset({"en", "au", "aux", "à", "de", "d'"})
# Dependencies of a lower-case word inside a post's phrase: « ministre indonésien de la
# défense » (nmod), « directeur général » (amod). A verb or an adverbial is none of these.
PHRASE_DEPS = frozenset({"amod", "nmod", "flat:name", "compound", "fixed", "appos"})
# How far back from the name a post may stand: « ministre des Affaires étrangères et de
# la Coopération internationale letton ».
REACH = 12
LOWER_WORDS_MAX = 3


def is_post(lower: str) -> bool:
    """Return True for a post or title, hyphenated ones included (« vice-ministre »)."""
    words = post_words()
    folded = fold(lower)
    return folded in words or any(part in words for part in folded.split("-")[-1:])


class PostSlots:
    """Tell which spans of one Doc stand in the name slot after a post."""

    def __init__(self, doc: Doc, tokens: TokenTable, countries: list[Candidate]) -> None:
        self.doc = doc
        self.tokens = tokens
        self.country_end = {c.end: c for c in countries}
        self.country_start = {c.start: c for c in countries}
        self.name_starts = sorted(c.start for c in countries if not c.demonym)

    def after_post(self, start: int) -> bool:
        """Return True when the words before token `start` end with a post's phrase."""
        tokens = self.tokens
        i = previous_word(self.tokens, start)
        if i >= 0 and fold(tokens.lowers[i]) in LINKS | ARTICLES | PLACE_LINKS:
            return False  # « le PDG de Thales », « chef d’État »: what the post is of
        # « en Argentine », « au Vietnam »: where the post is held.
        country = self.country_end.get(i + 1)
        if country is not None and not country.demonym:
            before = previous_word(self.tokens, country.start)
            if before >= 0 and fold(tokens.lowers[before]) in PLACE_LINKS:
                i = previous_word(self.tokens, before)
        lower_words = 0
        for _ in range(REACH):
            if i < 0 or tokens.is_punct[i] or "\n" in tokens.texts[i]:
                return False
            lower = tokens.lowers[i]
            if is_post(lower):
                return self.linked_phrase(i, start)
            country = self.country_end.get(i + 1)
            if country is not None:
                i = previous_word(self.tokens, country.start)
                continue
            if fold(lower) in group_nouns():
                return False  # « les dirigeants du groupe suédois Saab »: the group's name
            text = tokens.texts[i]
            if not text.isalpha() and "-" not in text and "'" not in fold(text):
                return False
            second = lower == "et" and fold(tokens.lowers[i + 1]) in LINKS  # « et de la »
            if text[:1].islower() and fold(lower) not in LINKS | ARTICLES and not second:
                lower_words += 1
                if lower_words > LOWER_WORDS_MAX or self.doc[i].dep_ not in PHRASE_DEPS:
                    return False
            i = previous_word(self.tokens, i)
        return False

    def linked_phrase(self, post: int, start: int) -> bool:
        """Return True when the words between a post and a name are the post's phrase.

        A capitalised word there hangs on a « de » (« ministre de la Défense ») or is a
        country: one with nothing before it is already the name, which the slot does not
        reach (« le président Lula Silva » is read from « Lula »).
        """
        tokens = self.tokens
        linked = False
        countries = self.country_start
        for i in range(post + 1, start):
            if fold(tokens.lowers[i]) in LINKS | PLACE_LINKS:
                linked = True
            elif tokens.texts[i][:1].isupper() and not linked and i not in countries:
                return False
        return True

    def is_name(self, start: int, end: int) -> bool:
        """Return True when tokens [start, end) look like a person's name.

        Capitalised words and particles, at least one capitalised; no organisation noun
        (« le président Conseil » is no one), no acronym.
        """
        tokens = self.tokens
        words = [i for i in range(start, end) if not tokens.is_space[i]]
        if not words or not tokens.texts[words[0]][:1].isupper():
            return False
        if names_organisation(tokens.span_text(start, end)):
            return False
        return all(
            (tokens.is_title[i] or tokens.texts[i] in ("-",) or tokens.lowers[i] in NAME_PARTICLES)
            and not tokens.texts[i].isupper()
            for i in words
        )

    def person(self, start: int, end: int) -> Candidate | None:
        """Return the person a span in the post slot names, or None.

        A leading country or acronym the model took into the name is dropped first
        (« l’ambassadeur chilien en Argentine Juan Gómez », « le secrétaire général de
        l’OTAN Jens Stoltenberg »).
        """
        country = self.country_start.get(start)
        lead = country.end if country is not None and not country.demonym else None
        first = self.tokens.texts[start]
        if lead is None and first.isupper() and len(first) > 1:
            lead = start + 1  # « l’OTAN Jens Stoltenberg »: the organisation the post is of
        if lead is not None and end - lead >= 2:
            start = lead
            while start < end and self.tokens.is_space[start]:
                start += 1
        at = bisect_left(self.name_starts, start)
        if at < len(self.name_starts) and self.name_starts[at] < end:
            return None  # a country is no one (« ministre de Pologne »)
        if self.is_name(start, end) and self.after_post(start):
            return Candidate(start, end, "person")
        return None

    def untagged_names(self, taken: set[int], *, min_words: int = 2) -> list[Candidate]:
        """Return names no one claimed right after a post's demonym or country.

        « le ministre de la Défense estonien Hanno Pevkur », where the model read
        « ministre de la Défense estonien » as an organisation and left the name out. Only
        the words after a country word are looked at: the model rarely misses a name
        right after the post itself.
        """
        tokens, n = self.tokens, len(self.tokens)
        found = []
        for country_end in sorted(self.country_end):
            i = country_end
            while i < n and tokens.is_space[i] and "\n" not in tokens.texts[i]:
                i += 1
            end = i
            while end < n and end not in taken and tokens.is_title[end]:
                end += 1
            if end - i >= min_words and self.is_name(i, end) and self.after_post(i):
                found.append(Candidate(i, end, "person"))
        return found


def titled_person(tokens: TokenTable, start: int, name_start: int, name_end: int) -> bool:
    """Return True when a span is a title then two or more capitalised words: a person.

    « le Premier ministre Tom Walker », whatever label the model gives it. A title
    followed by a "de" takes a complement, which is what the title is of (« le Premier
    ministre de la République du Sénégal »), not its holder.
    """
    titles = title_words()
    words = [i for i in range(name_start, name_end) if not tokens.is_space[i]]
    return (
        name_start > start
        and is_title(tokens.lowers[name_start - 1], titles)  # « ministre de la République »: no
        and len(words) >= 2
        and all(tokens.is_title[i] or tokens.lowers[i] in NAME_PARTICLES for i in words)
    )
