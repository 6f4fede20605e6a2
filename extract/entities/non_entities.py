"""Names that are no entity: products, agreements, web addresses, places read as people.

Each rule looks at the words around a span (lists of common French nouns and verbs in
`non_entity_words.jsonl`), never at particular names; `extract.entities.mentions` applies
them to the model's entities:

- a name right after a product or weapon noun (« l’avion de combat Rafale », « des
  drones Bayraktar », « la frégate Aconit »), or counted as the object of a sale
  (« a acheté 24 Rafale »), names a product (`names_product`);
- a name headed by « Traité », « Accord », « Convention », « Pacte », « Protocole »...,
  or right after « l’accord de », names an agreement (`names_agreement`);
- a web address (« LaGazette.fr ») is the publication, not an actor (`is_web_address`);
- a person's name right after « près de », « la ville de », « la région de », or « à »
  after a verb of going or being (« arrivé à », « né à »), is a place
  unless the text names that person elsewhere (`place_as_person`).
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import read_lexicon
from ..tokens import TokenTable
from .name_spans import ARTICLES

WEB_ADDRESS = re.compile(r"^(www\.)?[\w-]+(\.[\w-]+)*\.(fr|com|net|org|info|ma|dz|tn|be|ch|ca|eu)$")
OF = frozenset({"de", "d'", "d’"})
# Words between a product noun and the name that are not a qualifying word.
LINK_WORDS = ARTICLES | frozenset({"et", "ou", "à", "au", "aux", "par", "pour", "en", "sur"})
TRADE_REACH = 3  # tokens back from the number where the sale's verb may be


@cache
def non_entity_words(kind: str) -> frozenset[str]:
    """Return the words of `kind`: "product", "agreement", "place_noun", "*_verb"."""
    rows = [row for row in read_lexicon("non_entity_words") if row["kind"] == kind]
    # A verb row lists its written forms: the pipeline may run without a lemmatizer.
    return frozenset(w for row in rows for w in row.get("forms", [row.get("word")]))


def _is_word(tokens: TokenTable, i: int) -> bool:
    """Return True for a lower-case word that may qualify a noun (« combat », « militaires »)."""
    text = tokens.texts[i]
    return text.isalpha() and text.islower() and text not in LINK_WORDS


def after_product_noun(tokens: TokenTable, start: int) -> bool:
    """Return True for a name after « drones », « chasseurs militaires », « avion de combat »."""
    products = non_entity_words("product")
    lowers = tokens.lowers
    if start >= 1 and lowers[start - 1] in products:
        return True
    if start >= 2 and lowers[start - 2] in products and _is_word(tokens, start - 1):
        return True
    return (
        start >= 3
        and lowers[start - 3] in products
        and lowers[start - 2] in OF
        and _is_word(tokens, start - 1)
    )


def counted_in_sale(tokens: TokenTable, start: int) -> bool:
    """Return True for a name counted after a verb of sale: « a acheté 24 Rafale »."""
    if start < 2 or not tokens.texts[start - 1].isdigit():
        return False
    verbs = non_entity_words("trade_verb")
    lowers = tokens.lowers
    return any(lowers[i] in verbs for i in range(max(start - 1 - TRADE_REACH, 0), start - 1))


def names_product(tokens: TokenTable, start: int) -> bool:
    """Return True when the name starting at `start` is a product or a weapon."""
    return after_product_noun(tokens, start) or counted_in_sale(tokens, start)


def names_agreement(tokens: TokenTable, start: int, label: str) -> bool:
    """Return True for « Traité de bon voisinage », « Convention de Genève », « accord de X ».

    An agreement binds its parties; it is none of them. « l’accord de l’Union » names a
    party (an article follows « de »): only a bare « accord de X » names the agreement,
    and never a person's name (« la déclaration de Rachid Benali » is what he said).
    """
    agreements = non_entity_words("agreement")
    if tokens.lowers[start] in agreements:
        return True
    return (
        label != "PER"
        and start >= 2
        and tokens.lowers[start - 1] in OF
        and tokens.lowers[start - 2] in agreements
    )


def is_web_address(text: str) -> bool:
    """Return True for « LaGazette.fr », « www.exemple.com »: the site, not an actor."""
    return bool(WEB_ADDRESS.match(text.strip()))


def place_as_person(tokens: TokenTable, start: int, end: int) -> bool:
    """Return True for a name after « près de », « la ville de »: a place, not a person.

    The model sometimes reads a two-word place (« Kryvyi Rih ») as a person's name. A
    name the text also gives elsewhere in another context stays a person (see caller).
    """
    if start < 2:
        return False
    before = tokens.lowers[start - 2]
    if tokens.lowers[start - 1] == "à":
        # « à » also gives to a person (« remis à Jean Dupont »): only after going or being.
        return before in non_entity_words("place_verb")
    if tokens.lowers[start - 1] not in OF:
        return False
    return before == "près" or before in non_entity_words("place_noun")
