"""Opposition where the conflict is not the main verb, and what must not be read as one."""

from __future__ import annotations

import pytest

COOP, OPP = "cooperation", "opposition"
GR, TR, RU, UA, PL, IL, LB = (
    "country:GR",
    "country:TR",
    "country:RU",
    "country:UA",
    "country:PL",
    "country:IL",
    "country:LB",
)
DZ, FR, ML, MA, JP, CN, GB = (
    "country:DZ",
    "country:FR",
    "country:ML",
    "country:MA",
    "country:JP",
    "country:CN",
    "country:GB",
)
NE, NG, CM, BF, TN, LY, EG, ET = (
    "country:NE",
    "country:NG",
    "country:CM",
    "country:BF",
    "country:TN",
    "country:LY",
    "country:EG",
    "country:ET",
)
US, ZA, CA, IN, IR, DE, SN = (
    "country:US",
    "country:ZA",
    "country:CA",
    "country:IN",
    "country:IR",
    "country:DE",
    "country:SN",
)


def rel(kind, *pairs):
    """Return the triples of (a, b) pairs of one type, oriented the way the extractor does."""
    return {(*sorted(pair), kind) for pair in pairs}


OPPOSITION = [
    # A conflict noun whose sides are in its own relative clause.
    ("La tension qui règne entre la Grèce et la Turquie inquiète les voisins.", rel(OPP, (GR, TR))),
    # A threat, an offensive or a challenge qualified by its author.
    (
        "La Pologne renforce sa défense face à l’accroissement des menaces russes.",
        rel(OPP, (PL, RU)),
    ),
    ("La Pologne veut se protéger face au défi que pose la Russie.", rel(OPP, (PL, RU))),
    (
        "Le groupe armé constitue une menace pour le Niger, le Tchad et le Cameroun.",
        set(),
    ),
    (
        "L’Égypte constitue une menace pour l’Éthiopie et le Soudan.",
        rel(OPP, (EG, ET), (EG, "country:SD")),
    ),
    (
        "L’Iran constitue toujours une menace non seulement pour Israël mais aussi pour les "
        "pays voisins, c’est-à-dire la Jordanie et le Liban.",
        rel(OPP, (IL, IR), (IR, "country:JO"), (IR, LB)),
    ),
    # Strikes and attacks on a target.
    ("La Russie a lancé des drones sur des cibles ukrainiennes.", rel(OPP, (RU, UA))),
    ("Les frappes israéliennes contre le Liban se poursuivent.", rel(OPP, (IL, LB))),
    ("Les bombardements russes sur l’Ukraine ont repris.", rel(OPP, (RU, UA))),
    # A war waged by X, in the support given to Y.
    (
        "La Norvège réaffirme son soutien à la Géorgie dans le cadre de la guerre menée par "
        "la Russie.",
        rel(COOP, ("country:GE", "country:NO")) | rel(OPP, ("country:GE", RU)),
    ),
    # Who receives support against X is X's other side too.
    (
        "La France a réaffirmé son soutien à l’Ukraine face à la Russie.",
        rel(COOP, (FR, UA)) | rel(OPP, (FR, RU), (RU, UA)),
    ),
    # A detached "à l'offensive" is the offensive of the name before it, not the subject's.
    (
        "La présence russe a aidé Karim Benali, le chef des rebelles, à l’offensive "
        "contre l’Union des patriotes (UDP).",
        rel(OPP, ("org:udp", "person:karim-benali")) | rel(COOP, (RU, "person:karim-benali")),
    ),
    # "il" in a clause coordinated with X's is X.
    (
        "Karim Benali a réaffirmé ses positions et il a rejeté toute ingérence des États-Unis.",
        rel(OPP, ("person:karim-benali", US)),
    ),
    # Accusations, sanctions, expulsions, summons, pressure.
    (
        "Les accusations de l’Égypte contre l’Éthiopie se multiplient.",
        rel(OPP, (EG, ET)),
    ),
    (
        "Le gouvernement britannique a accusé l’État chinois de cyberattaques.",
        rel(OPP, (CN, GB)),
    ),
    ("Washington a accusé Pékin d’espionnage.", rel(OPP, (CN, US))),
    ("Le Niger est sous sanctions de la Cédéao.", rel(OPP, (NE, "org:cedeao"))),
    ("Le Maroc a expulsé un diplomate algérien.", rel(OPP, (DZ, MA))),
    ("L’Algérie a annoncé l’expulsion de diplomates français.", rel(OPP, (DZ, FR))),
    ("L’Algérie a convoqué l’ambassadeur français.", rel(OPP, (DZ, FR))),
    (
        "La Chine fait pression sur les Philippines pour qu’elles quittent le récif.",
        rel(OPP, ("country:CN", "country:PH")),
    ),
    # Rejecting someone's interference, a tug-of-war, a falling-out.
    ("Le Burkina Faso a rejeté toute ingérence de la France.", rel(OPP, (BF, FR))),
    ("La Tunisie mène un bras de fer avec la Libye.", rel(OPP, (LY, TN))),
    ("La Russie s’est détournée de l’Europe et de l’Allemagne.", rel(OPP, (DE, RU))),
    # Denouncing one's own agreement with Y turns against Y.
    ("La junte malienne dénonce les accords de défense avec la France.", rel(OPP, (FR, ML))),
    # A relative clause the parser cut from its name still has it as subject.
    (
        "Le rassemblement de l’Organisation du peuple libre (OPL), qui s’oppose au "
        "régime iranien, a eu lieu.",
        rel(OPP, ("org:opl", IR)),
    ),
]

NOT_OPPOSITION = [
    # Who condemns or mediates a conflict is not one of its sides.
    ("Le Sénégal a condamné les frappes contre le Liban.", set()),
    ("Le Qatar a proposé sa médiation dans la guerre entre la Russie et l’Ukraine.", rel(OPP, (RU, UA))),
    # Who warns of a danger speaks of it, like who condemns it.
    ("Le ministre français a mis en garde contre les dangers que représente l’Iran.", set()),
    # A boycott ordered by someone is theirs: the boycotters are not set against each other.
    ("La réunion a été perturbée par le boycott chinois ordonné par le ministre Wang Lei.", set()),
    # Denouncing someone else's agreement: against its owner, not its partner.
    ("L’Algérie a dénoncé l’accord du Maroc avec Israël.", rel(OPP, (DZ, MA)) | rel(COOP, (IL, MA))),
    # A threat to no one named; launching a rocket into space; a "bras droit".
    ("L’Inde constitue une menace pour la sécurité régionale.", set()),
    ("L’Inde a lancé une fusée vers la Lune.", set()),
    ("Le conseiller est le bras droit du président français.", set()),
    # Rejecting a proposal is not opposing its author's state; a convened meeting is no summons.
    ("La Tunisie a rejeté la proposition de la Libye.", set()),
    ("L’Algérie a convoqué une réunion avec la France.", rel(COOP, (DZ, FR))),
    # A name after "de" is a complement of the noun before, not the holder of a post.
    ("Le Canada lie des agents indiens au meurtre de Karim Benali.", set()),
    # A capital visited is a place.
    ("Le ministre a visité Rabat.", set()),
]

DENIED_AND_HEDGED = [
    ("Le Maroc a démenti avoir signé un accord avec Israël.", set(), False),
    ("La Tunisie dément tout accord avec la Turquie.", set(), False),
    ("Le Japon nie avoir sanctionné la Chine.", set(), False),
    ("Il n’a jamais été question d’un accord entre la Tunisie et la Libye.", set(), False),
    (
        "Selon des sources diplomatiques, le Maroc et Israël ont signé un accord.",
        rel(COOP, (IL, MA)),
        True,
    ),
    (
        "L’UE envisage d’éventuelles sanctions contre la Turquie.",
        rel(OPP, ("org:ue", TR)),
        True,
    ),
]

TEXTS = [t for t, _ in OPPOSITION + NOT_OPPOSITION] + [t for t, _, _ in DENIED_AND_HEDGED]


def triples(relations):
    return {(r.source, r.target, r.type) for r in relations}


@pytest.mark.parametrize(("text", "expected"), OPPOSITION + NOT_OPPOSITION)
def test_relations_are_exactly(relations_of, text, expected):
    assert triples(relations_of[text]) == expected
    assert not any(r.hedged for r in relations_of[text])


@pytest.mark.parametrize(("text", "expected", "hedged"), DENIED_AND_HEDGED)
def test_denied_reports_state_nothing_and_unconfirmed_ones_are_hedged(
    relations_of, text, expected, hedged
):
    assert triples(relations_of[text]) == expected
    assert all(r.hedged == hedged for r in relations_of[text])
