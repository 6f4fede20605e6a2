"""Graph building from literal records: merging, weights, evidence, filtering."""

from __future__ import annotations

import pytest

from graph import build_graph
from graph.build import GraphBuilder


def entity(id_, label, type_, aliases, mentions=1, **extra):
    return {
        "id": id_,
        "label": label,
        "type": type_,
        "aliases": aliases,
        "mentions": mentions,
        **extra,
    }


def relation(a, b, type_, sentence, start, **extra):
    return {
        "source": a,
        "target": b,
        "type": type_,
        "sentence": sentence,
        "start_char": start,
        "end_char": start + len(sentence),
        **extra,
    }


MA = entity("country:MA", "Maroc", "country", ["Maroc", "marocain"], 2, country_code="MA")
QA = entity("country:QA", "Qatar", "country", ["Qatar"], 1, country_code="QA")
RABAT = entity("location:rabat", "Rabat", "location", ["Rabat"])


def test_same_entity_in_two_documents_is_one_node():
    G = build_graph(
        [
            {"id": "a", "entities": [MA], "relations": []},
            {
                "id": "b",
                "entities": [
                    entity("country:MA", "Maroc", "country", ["royaume"], 3, country_code="MA")
                ],
                "relations": [],
            },
        ]
    )
    assert dict(G.nodes["country:MA"]) == {
        "label": "Maroc",
        "type": "country",
        "aliases": "Maroc|marocain|royaume",
        "mentions": 5,
        "documents": 2,
        "country_code": "MA",
    }


def test_weight_counts_distinct_statements_across_documents():
    s1 = "Le Maroc et le Qatar ont signé un accord."
    s2 = "Le Qatar forme des experts marocains."
    G = build_graph(
        [
            {
                "id": "a",
                "entities": [MA, QA],
                "relations": [
                    relation("country:MA", "country:QA", "cooperation", s1, 0),
                    relation("country:QA", "country:MA", "cooperation", s1, 0),
                ],
            },
            {
                "id": "b",
                "entities": [MA, QA],
                "relations": [relation("country:QA", "country:MA", "cooperation", s2, 10)],
            },
        ]
    )
    edge = G.edges["country:MA", "country:QA"]
    assert edge["weight"] == 2.0
    assert edge["relations"] == "cooperation"
    assert edge["documents"] == "a|b"
    assert edge["evidence"] == f"{s1} || {s2}"


def test_locations_and_furniture_stay_out_by_default():
    furniture_qa = {**QA, "furniture": True}
    record = {
        "id": "a",
        "entities": [MA, furniture_qa, RABAT],
        "relations": [
            relation(
                "country:MA",
                "country:QA",
                "cooperation",
                "Lire aussi | Le Maroc et le Qatar.",
                0,
                furniture=True,
            ),
        ],
    }
    G = build_graph([record])
    assert sorted(G.nodes) == ["country:MA"]
    kept = build_graph([record], keep_furniture=True)
    assert sorted(kept.nodes) == ["country:MA", "country:QA"]
    assert kept.number_of_edges() == 1


def test_organisation_named_by_acronym_and_long_form_in_two_documents_is_one_node():
    long_form = entity(
        "org:direction-generale-de-la-surete",
        "Direction générale de la sûreté",
        "organization",
        ["Direction générale de la sûreté"],
    )
    both = entity("org:dgs", "DGS", "organization", ["DGS", "Direction générale de la sûreté"])
    G = build_graph([{"id": "a", "entities": [long_form]}, {"id": "b", "entities": [both]}])
    assert list(G.nodes) == ["org:dgs"]
    assert G.nodes["org:dgs"]["aliases"] == "DGS|Direction générale de la sûreté"
    assert G.nodes["org:dgs"]["documents"] == 2


def test_empty_input_gives_an_empty_graph(caplog):
    G = build_graph([])
    assert G.number_of_nodes() == 0
    assert "graph is empty" in caplog.text


def test_a_relation_stated_in_many_documents_keeps_three_sentences_and_every_count():
    said = [
        "Rabat et Doha renforcent leur coopération.",
        "Le Maroc et le Qatar ont signé un accord.",
        "Le Qatar forme des policiers marocains.",
        "Doha et Rabat organisent un exercice commun.",
    ]
    records = [
        {
            "id": f"d{n:04d}",
            "entities": [MA, QA],
            "relations": [
                relation("country:MA", "country:QA", "cooperation", said[n % 4], 7 * (n % 3)),
                relation("country:QA", "country:MA", "cooperation", said[n % 4], 7 * (n % 3)),
            ],
        }
        for n in range(999, -1, -1)
    ] + [{"id": "d0500", "entities": [MA, QA], "relations": []}]
    builder = GraphBuilder()
    for record in records:
        builder.add(record)
    assert len(builder.edges["country:MA", "country:QA"]["evidence"]) == 3
    G = builder.graph()
    edge = G.edges["country:MA", "country:QA"]
    # One statement a document; the earliest documents' sentences, in their order.
    assert edge["weight"] == 1000.0
    assert edge["evidence"] == " || ".join(said[:3])
    assert len(edge["documents"].split("|")) == 1000
    assert G.nodes["country:MA"]["documents"] == 1000


def test_a_relation_offset_that_cannot_be_a_text_position_is_an_error():
    bad = relation("country:MA", "country:QA", "cooperation", "Le Maroc et le Qatar.", -4)
    with pytest.raises(ValueError, match="'x': relation offset out of range: -4"):
        build_graph([{"id": "x", "entities": [MA, QA], "relations": [bad]}])


def star_records():
    """Maroc related to Qatar and Israël; RTL and Rafale named but related to no one."""
    names = [
        entity("country:MA", "Maroc", "country", ["Maroc"], 5),
        entity("country:QA", "Qatar", "country", ["Qatar"], 2),
        entity("country:IL", "Israël", "country", ["Israël"], 2),
        entity("org:rtl", "RTL", "organization", ["RTL"], 9),
        entity("org:rafale", "Rafale", "organization", ["Rafale"], 1),
    ]
    relations = [
        relation("country:MA", "country:QA", "cooperation", "Le Maroc et le Qatar coopèrent.", 0),
        relation("country:MA", "country:IL", "cooperation", "Le Maroc et Israël coopèrent.", 40),
    ]
    return [{"id": "a", "entities": names, "relations": relations}]


def test_min_degree_is_off_by_default_and_leaves_out_nodes_with_no_edge():
    assert set(build_graph(star_records())) == {
        "country:MA",
        "country:QA",
        "country:IL",
        "org:rtl",
        "org:rafale",
    }
    G = build_graph(star_records(), min_degree=1)
    assert set(G) == {"country:MA", "country:QA", "country:IL"}
    assert G.number_of_edges() == 2
    assert G.nodes["country:MA"]["mentions"] == 5  # attributes kept


def test_min_degree_counts_degrees_in_the_whole_graph():
    G = build_graph(star_records(), min_degree=2)
    assert list(G) == ["country:MA"]  # its partners go, the hub stays


@pytest.mark.parametrize("bad", [-1, 1.5, "2", True])
def test_min_degree_rejects_what_is_not_a_count(bad):
    with pytest.raises(ValueError, match="min_degree"):
        GraphBuilder(min_degree=bad)


def test_a_person_named_with_and_without_first_name_or_particle_is_one_node():
    people = [
        entity("person:charles-de-gaulle", "Charles de Gaulle", "person", ["Charles de Gaulle"]),
        entity("person:charles-gaulle", "Charles Gaulle", "person", ["Charles Gaulle"]),
        entity("person:gaulle", "Gaulle", "person", ["Gaulle"]),
        entity("person:emmanuel-macron", "Emmanuel Macron", "person", ["Emmanuel Macron"]),
        entity("person:brigitte-macron", "Brigitte Macron", "person", ["Brigitte Macron"]),
        entity("person:macron", "Macron", "person", ["Macron"]),
    ]
    G = build_graph(
        [
            {
                "id": str(i),
                "entities": [person, MA],
                "relations": [
                    relation(person["id"], "country:MA", "affiliation", "Il sert le Maroc.", 0)
                ],
            }
            for i, person in enumerate(people)
        ]
    )
    assert sorted(n for n in G if n.startswith("person:")) == [
        "person:brigitte-macron",
        "person:charles-de-gaulle",
        "person:emmanuel-macron",
        "person:macron",  # two candidates: nothing says which Macron
    ]
    assert (
        G.nodes["person:charles-de-gaulle"]["aliases"] == "Charles Gaulle|Charles de Gaulle|Gaulle"
    )
    assert G.edges["person:charles-de-gaulle", "country:MA"]["weight"] == 3.0


def test_a_known_organisation_keeps_its_state_as_an_attribute_only():
    fbi = entity("org:fbi", "FBI", "organization", ["FBI"], country_code="US")
    G = build_graph([{"id": "a", "entities": [fbi], "relations": []}])
    assert G.nodes["org:fbi"]["country_code"] == "US"
    assert list(G.edges) == []


def org(id_, aliases, code=""):
    return entity(id_, aliases[0], "organization", aliases, country_code=code)


def test_organisations_of_two_states_sharing_an_acronym_stay_two_nodes():
    records = [
        {"id": "a", "entities": [org("org:dgs-ma", ["DGS", "Direction de la sûreté"], "MA")]},
        {"id": "b", "entities": [org("org:dgs-dz", ["DGS"], "DZ")]},
        {"id": "c", "entities": [org("org:dgs", ["DGS"])]},  # which state's: nothing says
    ]
    G = build_graph(records)
    assert sorted(G.nodes) == ["org:dgs", "org:dgs-dz", "org:dgs-ma"]
    assert G.nodes["org:dgs-ma"]["country_code"] == "MA"


def test_an_organisation_of_no_known_state_joins_the_one_known_organisation_it_names():
    records = [
        {"id": "a", "entities": [org("org:police-nationale", ["police nationale"], "FR")]},
        {"id": "b", "entities": [org("org:pn", ["PN", "police nationale"])]},
    ]
    G = build_graph(records)
    assert list(G.nodes) == ["org:police-nationale"]
    assert G.nodes["org:police-nationale"]["country_code"] == "FR"
    assert G.nodes["org:police-nationale"]["aliases"] == "PN|police nationale"
