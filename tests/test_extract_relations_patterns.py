"""Relation patterns beyond the basic frames: posts in apposition, officials with their
states, joint-action adjectives, arms sales, negotiation, visits, capitals as actors,
allies, and reported conditionals. Exact (source, target, type) sets, and hedging."""

from __future__ import annotations

import pytest

MA, ES, DZ, TN, FR, TD = (
    "country:MA", "country:ES", "country:DZ", "country:TN", "country:FR", "country:TD"
)  # fmt: skip
NE, BF, RU, IN, IR, US = (
    "country:NE", "country:BF", "country:RU", "country:IN", "country:IR", "country:US"
)  # fmt: skip
SA, IL, QA, LY, TR, CN, MR, SN = (
    "country:SA", "country:IL", "country:QA", "country:LY", "country:TR", "country:CN",
    "country:MR", "country:SN",
)  # fmt: skip
ET = "country:ET"
COOP, AFF, OPP = "cooperation", "affiliation", "opposition"
MARLASKA, LAFTIT = "person:fernando-grande-marlaska", "person:abdelouafi-laftit"


def coop(*pairs):
    """Return the cooperation triples of (a, b) pairs, oriented as the extractor does."""
    return {(*sorted(pair), COOP) for pair in pairs}


POSTS = [
    (
        "Antonio Guterres, secrétaire général de l’ONU, a appelé au calme.",
        {("person:antonio-guterres", "org:onu", AFF)},
    ),
    (
        "Kaja Kallas, haute représentante de l’Union européenne, a salué la décision.",
        {("person:kaja-kallas", "org:ue", AFF)},
    ),
    (
        "Le porte-parole du gouvernement marocain, Mustapha Baitas, a démenti l’information.",
        {("person:mustapha-baitas", MA, AFF)},
    ),
    (
        "Le chef d’état-major tunisien, Mohamed Ghoul, a inspecté les troupes.",
        {("person:mohamed-ghoul", TN, AFF)},
    ),
    (
        "Le PDG de Thales, Patrice Caine, a présenté les résultats.",
        {("person:patrice-caine", "org:thales", AFF)},
    ),
    (
        "Pierre Durand, ancien conseiller du président français, a publié un livre.",
        {("person:pierre-durand", FR, AFF)},
    ),
]

OFFICIALS = [
    # Person with person, state with state: never "Spain cooperates with Laftit".
    (
        "Le ministre espagnol de l’Intérieur, Fernando Grande-Marlaska, a rencontré son "
        "homologue marocain Abdelouafi Laftit.",
        coop((ES, MA), (MARLASKA, LAFTIT)) | {(MARLASKA, ES, AFF), (LAFTIT, MA, AFF)},
    ),
    (
        "Le ministre espagnol Fernando Grande-Marlaska et son homologue marocain "
        "Abdelouafi Laftit se sont rencontrés à Madrid.",
        coop((ES, MA), (MARLASKA, LAFTIT)) | {(MARLASKA, ES, AFF), (LAFTIT, MA, AFF)},
    ),
    (
        "Le ministre algérien des Affaires étrangères, Ahmed Attaf, a reçu son homologue "
        "tunisien Nabil Ammar.",
        coop((DZ, TN), ("person:ahmed-attaf", "person:nabil-ammar"))
        | {("person:ahmed-attaf", DZ, AFF), ("person:nabil-ammar", TN, AFF)},
    ),
]

ACTIONS = [
    ("Les forces tunisiennes et algériennes mènent des patrouilles conjointes.", coop((DZ, TN))),
    (
        "La France et le Tchad ont lancé une opération commune contre les jihadistes.",
        coop((FR, TD)),
    ),
    ("Le Niger et le Burkina Faso ont créé une force commune.", coop((BF, NE))),
    # Arms sales and purchases are help (equipment); other trade is not.
    ("La Russie a vendu des avions de combat à l’Algérie.", coop((DZ, RU))),
    ("L’Inde a acheté des missiles à la France.", coop((FR, IN))),
    # "vend des drones": the parser reads the partitive "des" as "de les", an oblique.
    ("La Turquie vend des drones à l’Éthiopie et au Maroc.", coop((ET, TR), (MA, TR))),
    # What is sold may be named by a modifier of the object ("du matériel militaire").
    ("La Russie vend du matériel militaire à l’Algérie.", coop((DZ, RU))),
    ("La négociation entre l’Iran et les États-Unis a repris.", coop((IR, US))),
    # A visit to a country; "se rendre" only.
    ("Le ministre turc de la Défense s’est rendu en Libye.", coop((LY, TR))),
    ("Le président turc s’est rendu au Qatar.", coop((QA, TR))),
    ("Le Maroc est un allié des États-Unis.", coop((MA, US))),
    ("L’Espagne est un partenaire important du Maroc.", coop((ES, MA))),
    ("La coopération entre la Mauritanie et le Sénégal progresse.", coop((MR, SN))),
    ("Le soutien de l’Iran au Hezbollah inquiète Israël.", coop((IR, "org:hezbollah"))),
    ("L’appui de la France au Niger a été salué.", coop((FR, NE))),
    # Capitals as actors, with no other name of their country in the text.
    ("Washington a imposé des sanctions à Moscou.", {(RU, US, OPP)}),
    ("Moscou a signé un accord de coopération avec Pékin.", coop((CN, RU))),
]

HEDGED = [
    (
        "Selon Reuters, l’Arabie saoudite et Israël négocieraient un accord de normalisation.",
        coop((IL, SA)),
    ),
    ("D’après Al Jazeera, l’Iran livrerait des drones à la Russie.", coop((IR, RU))),
    ("Selon la presse, le Qatar financerait le Hamas.", coop((QA, "org:hamas"))),
]

NOTHING = [
    "Le Maroc et l’Espagne ont un intérêt commun.",
    "La Russie a vendu du blé à l’Égypte.",
    "La France vend du blé tendre à l’Égypte.",
    "La Turquie ne livrera pas d’armes à l’Ukraine.",
    # A capital as a destination is a place, as with "a visité Rabat".
    "Le ministre italien s’est rendu à Tunis.",
    "Le Maroc a rendu hommage à la France.",
    "La Tunisie s’est rendue à l’évidence.",
    "Les États-Unis et leurs alliés ont condamné l’attaque.",
]

CASES = POSTS + OFFICIALS + ACTIONS
TEXTS = [t for t, _ in CASES + HEDGED] + NOTHING


def triples(doc):
    """Return the (source, target, type) set of a Doc's relations."""
    return {(r.source, r.target, r.type) for r in doc._.coopgraph_relations}


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_relations_are_exactly(docs, text, expected):
    assert triples(docs[text]) == expected
    assert not any(r.hedged for r in docs[text]._.coopgraph_relations)


@pytest.mark.parametrize(("text", "expected"), HEDGED)
def test_reported_conditionals_are_hedged(docs, text, expected):
    assert triples(docs[text]) == expected
    assert all(r.hedged for r in docs[text]._.coopgraph_relations)


@pytest.mark.parametrize("text", NOTHING)
def test_no_relation(docs, text):
    assert docs[text]._.coopgraph_relations == []


def test_capital_actor_adds_its_country_as_an_entity(docs):
    doc = docs["Washington a imposé des sanctions à Moscou."]
    entities = {e.id: e for e in doc._.coopgraph_entities}
    assert (entities[US].label, entities[US].aliases, entities[US].type) == (
        "États-Unis",
        ("Washington",),
        "country",
    )
    assert entities[RU].aliases == ("Moscou",)
    states = [(m.text, m.entity) for m in doc._.coopgraph_mentions if m.type == "country"]
    assert states == [("Washington", US), ("Moscou", RU)]


def test_capital_actor_edge_reaches_the_graph(docs):
    from extract.engine.documents import doc_result
    from extract.records import Document
    from graph import build_graph

    text = "Moscou a signé un accord de coopération avec Pékin."
    record = doc_result(docs[text], Document(id="d1", text=text)).to_dict()
    G = build_graph([record])
    assert G.edges[CN, RU]["relations"] == COOP
    assert G.nodes[RU]["label"] == "Russie"
