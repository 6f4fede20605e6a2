"""Opposition stated around the conflict word: misattached "contre", noun predicates,
coordinated verbs after a capital, territorial claims and conquests, supporters' clashes."""

from __future__ import annotations

import pytest

OPP, PART = "opposition", "part_of"
TD, SD, IL, IR, TW = "country:TD", "country:SD", "country:IL", "country:IR", "country:TW"
GT, BZ, CN, VN, BO, CL = (
    "country:GT",
    "country:BZ",
    "country:CN",
    "country:VN",
    "country:BO",
    "country:CL",
)
RU, UA, TR, GR, KR, KP = (
    "country:RU",
    "country:UA",
    "country:TR",
    "country:GR",
    "country:KR",
    "country:KP",
)


def rel(kind, *pairs):
    """Return the triples of (a, b) pairs of one type, oriented the way the extractor does."""
    return {(*sorted(pair), kind) for pair in pairs}


CASES = [
    # "les accusations de X contre Y": the parser hangs "contre Y" on the name X.
    (
        "La visite intervient deux jours après les accusations du Tchad contre l’armée "
        "soudanaise, accusée d’exactions.",
        rel(OPP, (TD, "org:fas")) | {("org:fas", SD, PART)},
    ),
    ("La lutte du Tchad contre le terrorisme se poursuit.", set()),
    # A threat as the predicate noun: "menace" is no verb there.
    ("Le Hamas est une menace pour Israël.", rel(OPP, ("org:hamas", IL))),
    ("Le Niger n’est pas une menace pour le Mali.", set()),
    # A capital as the subject of two coordinated verbs; the first one's denial is its own.
    ("Moscou dément et accuse en retour l’Ukraine de mentir.", rel(OPP, (RU, UA))),
    ("Moscou a démenti et a accusé l’Ukraine de mentir.", rel(OPP, (RU, UA))),
    ("Ankara proteste et accuse Athènes de provocation.", rel(OPP, (TR, GR))),
    ("Séoul accuse Pyongyang de provocations.", rel(OPP, (KR, KP))),
    ("Moscou dément avoir attaqué l’Ukraine.", set()),
    ("Israël dément toute attaque contre le Liban.", set()),
    ("Le sommet s’est tenu à Séoul avec le Japon.", set()),
    # Land taken or claimed: against the state whose land it is.
    ("Le Guatemala revendique une partie du territoire du Belize.", rel(OPP, (GT, BZ))),
    ("Une partie du territoire du Belize est revendiquée par le Guatemala.", rel(OPP, (GT, BZ))),
    ("La Chine revendique la quasi-totalité des îles vietnamiennes.", rel(OPP, (CN, VN))),
    ("La Russie occupe une partie du territoire ukrainien.", rel(OPP, (RU, UA))),
    (
        "Les deux présidents évoquent leur différend sur une province minière couvrant 10 % "
        "du territoire du Chili mais revendiquée depuis longtemps par la Bolivie.",
        rel(OPP, (BO, CL)),
    ),
    (
        "Les rebelles du FPR ont conquis de vastes pans du territoire du Darfour, province "
        "soudanaise frontalière du Tchad.",
        rel(OPP, ("org:fpr", SD)),
    ),
    ("La Chine revendique Taïwan.", rel(OPP, (CN, TW))),
    ("Israël occupe le Golan syrien depuis 1967.", rel(OPP, (IL, "country:SY"))),
    # No land, or no land of a named state, or a denied claim; a base « dans » a state
    # is where troops are, not land taken from it.
    ("Les forces françaises occupent une base dans le nord du Niger.", set()),
    ("Le groupe a revendiqué l’attentat contre l’ambassade du Chili.", set()),
    ("Le Maroc occupe la présidence de l’Union africaine.", set()),
    ("Les rebelles ont conquis une ville proche de la frontière du Tchad.", set()),
    ("La Russie n’a jamais revendiqué le territoire de la Finlande.", set()),
    # Clashes between supporters set the ones they support against each other.
    (
        "Des heurts ont opposé des milices fidèles au Premier ministre Ahmed Kaboré à d’autres "
        "proches du général Issa Traoré.",
        rel(OPP, ("person:ahmed-kabore", "person:issa-traore")),
    ),
    (
        "Des affrontements entre des partisans de Jean Dupont et des proches de Paul Martin "
        "ont fait dix morts.",
        rel(OPP, ("person:jean-dupont", "person:paul-martin")),
    ),
    # A threat of retaliation: who retaliates, and who warns of it for that side, against
    # the attacker; a plain answer is no retaliation.
    (
        "Le ministre israélien Yoav Katz a averti que toute attaque de l’Iran susciterait une "
        "riposte d’Israël.",
        rel(OPP, (IL, IR), (IR, "person:yoav-katz"))
        | {("person:yoav-katz", IL, "affiliation")},
    ),
    (
        "Le secrétaire général de l’ONU a averti que toute attaque de l’Iran susciterait une "
        "riposte d’Israël.",
        rel(OPP, (IL, IR)),
    ),
    (
        "Le Japon promet une riposte ferme à toute provocation de la Corée du Nord.",
        rel(OPP, ("country:JP", KP)),
    ),
    ("La riposte de l’Ukraine à l’offensive russe a commencé.", rel(OPP, (RU, UA))),
    ("La réponse du Maroc à la lettre de l’Algérie est attendue.", set()),
    ("La France promet une réponse ferme à la demande de l’Algérie.", set()),
    ("Israël n’envisage aucune riposte contre l’Iran.", set()),
    # Drills around a state, a punishment or a warning addressed to one.
    ("La Chine mène de vastes manœuvres autour de Taïwan.", rel(OPP, (CN, TW))),
    ("Pékin a organisé des exercices autour de l’île de Taïwan.", rel(OPP, (CN, TW))),
    (
        "La Chine a déclenché des manœuvres militaires autour de Taïwan, une punition et un "
        "avertissement adressés au Japon.",
        rel(OPP, (CN, TW), (CN, "country:JP")),
    ),
    ("Le Maroc a adressé un avertissement à l’Algérie.", rel(OPP, ("country:MA", "country:DZ"))),
    ("La Chine n’a pas mené de manœuvres autour de Taïwan.", set()),
    (
        "La France et le Sénégal ont mené des exercices autour de l’île de Gorée.",
        rel("cooperation", ("country:FR", "country:SN")),
    ),
    (
        "Le Japon mène des exercices avec les Philippines autour des îles philippines.",
        rel("cooperation", ("country:JP", "country:PH")),
    ),
    ("L’ONU a lancé un avertissement sur les risques d’une guerre.", set()),
    ("La Commission a adressé un avertissement aux voyageurs français.", set()),
    # One side only, or supporters who call for peace together.
    ("Les heurts ont opposé la police à des manifestants proches de Jean Dupont.", set()),
    (
        "Les proches de Jean Dupont et de Paul Martin ont appelé à la fin des affrontements.",
        set(),
    ),
]


def triples(relations):
    return {(r.source, r.target, r.type) for r in relations}


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_relations_are_exactly(relations_of, text, expected):
    assert triples(relations_of[text]) == expected
    assert not any(r.hedged for r in relations_of[text])


def test_the_first_of_two_verbs_after_a_name_becomes_the_root(docs):
    doc = docs["Moscou dément et accuse en retour l’Ukraine de mentir."]
    assert [(t.text, t.dep_, t.head.text) for t in doc[:4]] == [
        ("Moscou", "nsubj", "dément"),
        ("dément", "ROOT", "dément"),
        ("et", "cc", "accuse"),
        ("accuse", "conj", "dément"),
    ]


def test_a_name_followed_by_a_coordinated_name_keeps_its_parse(nlp):
    doc = nlp("Emmanuel Macron et Mohammed VI.")
    assert doc[0].dep_ == "ROOT" and doc[1].head.i == 0
