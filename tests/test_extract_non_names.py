"""Names that are no entity: products, agreements, the site's own name, places read as people."""

from __future__ import annotations

import pytest

GRAPH_TYPES = {"person", "organization", "country"}

CASES = [
    # a name after a product or weapon noun, or counted as what is sold, is a product
    ("L’Inde a acheté l’avion de combat Rafale à la France.", {"country:IN", "country:FR"}),
    (
        "L’Égypte a commandé des chasseurs Rafale à Dassault Aviation.",
        {"country:EG", "org:dassault-aviation"},
    ),
    ("Le Maroc a reçu des drones Bayraktar livrés par la Turquie.", {"country:MA", "country:TR"}),
    ("La frégate Mohammed VI a quitté le port de Brest.", set()),
    ("La Grèce a acheté 24 Rafale à la France.", {"country:GR", "country:FR"}),
    # near misses: the maker, an owner after « du », a person after a comma stay
    (
        "Naval Group a livré la frégate Aconit à la marine française.",
        {"org:naval-group", "org:marine-nationale", "country:FR"},
    ),
    ("Les drones du Hezbollah ont frappé Israël.", {"org:hezbollah", "country:IL"}),
    ("Le pilote du drone, Jean Martin, a été arrêté.", {"person:jean-martin"}),
    ("Dassault Aviation a livré 12 appareils à la Grèce.", {"org:dassault-aviation", "country:GR"}),
    # an agreement binds its parties and is none of them; an alliance is an organisation
    ("Le Maroc et l’Espagne ont signé le Traité de bon voisinage.", {"country:MA", "country:ES"}),
    ("Le Pacte de Varsovie a été dissous en 1991.", set()),
    (
        "Les parties libyennes ont conclu l’accord de Skhirat sous l’égide de l’ONU.",
        {"country:LY", "org:onu"},
    ),
    ("L’accord de l’Union africaine prévoit un cessez-le-feu.", {"org:ua"}),
    ("L’Alliance atlantique a tenu un sommet à Vilnius.", {"org:otan"}),
    # the site's address is the publication, not an actor
    ("Le Maroc a reçu le Qatar.\nLaGazette.fr", {"country:MA", "country:QA"}),
    # a name the model reads as a person after « arrivé à », « né à » is a place
    ("Les soldats sont arrivés à Bir Lahlou.", set()),
    ("Le ministre est né à Ben Guerir.", set()),
    # near miss: « à » giving something to someone
    ("Le ministre a remis la médaille à Jean Dupont.", {"person:jean-dupont"}),
    # near misses: what a person said is no agreement; a pitcher and a film's star are people
    (
        "La déclaration de Rachid Benali a suscité une polémique au Maroc.",
        {"person:rachid-benali", "country:MA"},
    ),
    ("Le frappeur a réussi un double face au lanceur Jorge Ramos.", {"person:jorge-ramos"}),
    (
        "Le film met en vedette Julie Moreau et Paul Girard.",
        {"person:julie-moreau", "person:paul-girard"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_graph_entities_in_sentence(docs, text, expected):
    assert {e.id for e in docs[text]._.coopgraph_entities if e.type in GRAPH_TYPES} == expected


def test_a_place_read_as_a_person_is_a_location(docs):
    doc = docs["Les soldats sont arrivés à Bir Lahlou."]
    assert [(e.id, e.type) for e in doc._.coopgraph_entities] == [
        ("location:bir-lahlou", "location")
    ]


def test_the_site_name_in_a_welcome_line_is_furniture(nlp):
    doc = nlp("Abonnez-vous à La Gazette du Sud\nLe Maroc a reçu le Qatar.")
    assert [(e.id, e.furniture) for e in doc._.coopgraph_entities] == [
        ("org:la-gazette-du-sud", True),
        ("country:MA", False),
        ("country:QA", False),
    ]


def test_a_name_the_text_gives_as_a_person_elsewhere_stays_a_person(nlp):
    doc = nlp("Jean Valjean a quitté la prison. La lettre est arrivée à Jean Valjean.")
    assert [(e.id, e.type) for e in doc._.coopgraph_entities] == [
        ("person:jean-valjean", "person")
    ]


def test_a_welcome_line_with_the_site_address_names_no_one(nlp):
    doc = nlp("Bienvenue sur LaGazette.fr\nLe Maroc a reçu le Qatar.")
    assert [e.id for e in doc._.coopgraph_entities] == ["country:MA", "country:QA"]
