"""Scoring arithmetic on tiny hand-made gold annotations and hand-made graphs."""

from __future__ import annotations

import networkx as nx
import pytest

from graph import build_graph
from graph.evaluate import DocumentScore, Score, evaluate_graph, total_score
from graph.evaluate_match import match_nodes, normalise_name
from graph.gold import parse_gold


def entity(entity_id, type, *aliases, optional=False):
    return {
        "id": entity_id,
        "name": aliases[0],
        "type": type,
        "aliases": list(aliases),
        "optional": optional,
    }


def relation(a, b, type, optional=False):
    return {"a": a, "b": b, "type": type, "evidence": "", "optional": optional}


def gold_of(entities, relations=()):
    return parse_gold({"doc": "a.txt", "entities": list(entities), "relations": list(relations)})


def graph_of(nodes, edges=()):
    """Return a graph from (id, type, label, aliases...) nodes and (u, v, relations) edges."""
    G = nx.Graph()
    for node, type, label, *aliases in nodes:
        G.add_node(node, label=label, type=type, aliases="|".join(sorted({label, *aliases})))
    for u, v, relations in edges:
        G.add_edge(u, v, relations=relations)
    return G


def counts(score):
    return (score.predicted, score.correct, score.gold, score.found)


def rates(score):
    return tuple(
        None if v is None else round(v, 4) for v in (score.precision, score.recall, score.f1)
    )


# Names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l’Algérie", "algerie"),
        ("L'Algérie", "algerie"),
        ("Algerie", "algerie"),
        ("Etats-Unis", "etats unis"),
        ("États Unis", "etats unis"),
        ("les  États‑Unis ", "etats unis"),  # non-breaking hyphen, runs of spaces
        ("La DGSN", "dgsn"),
        ("le Maroc", "maroc"),
        ("Côte d’Ivoire", "cote d ivoire"),
        ("Israëlse", "israelse"),
        ("Émirats\u00a0arabes unis", "emirats arabes unis"),
        ("Le", "le"),  # an article alone is a name, not an article
        ("Lesotho", "lesotho"),
        ("la la land", "la land"),  # only one leading article goes
    ],
)
def test_normalise_name(text, expected):
    assert normalise_name(text) == expected


@pytest.mark.parametrize(
    ("gold_alias", "label", "matches"),
    [
        ("l’Algérie", "Algerie", True),
        ("Etats-Unis", "États Unis", True),
        ("États-Unis", "les Etats-Unis", True),
        ("Côte d’Ivoire", "Cote d'Ivoire", True),
        ("Israël", "ISRAEL", True),
        ("Maroc", "marocain", False),
        ("Algérie", "Algérie-Maroc", False),
    ],
)
def test_names_match_after_normalisation(gold_alias, label, matches):
    gold = gold_of([entity("e", "COUNTRY", gold_alias)])
    G = graph_of([("country:X", "country", label)])
    assert match_nodes(G, gold)["country:X"].status == ("hit" if matches else "false_positive")


# Entities

SEED_LIKE = [
    entity("maroc", "COUNTRY", "Maroc", "royaume"),
    entity("qatar", "COUNTRY", "Qatar", "qataris"),
    entity("dgsn", "ORG", "DGSN", "Direction générale de la sécurité nationale"),
    entity("abdellatif-hammouchi", "PERSON", "Abdellatif Hammouchi", "Hammouchi"),
    entity("bad", "ORG", "BAD", optional=True),
    entity("rabat", "LOCATION", "Rabat"),
]


def test_entities_hits_misses_splits_and_false_positives():
    G = graph_of(
        [
            ("country:MA", "country", "Maroc"),
            ("country:QA", "country", "Qatar"),
            ("country:QA2", "country", "qataris"),  # a split: one hit, one false positive
            ("org:bad", "organization", "BAD"),  # optional: neither
            ("org:rabat", "organization", "Rabat"),  # a LOCATION, whatever its type: neither
            ("person:jean-dupont", "person", "Jean Dupont"),  # no gold entity: false positive
            ("org:maroc", "organization", "Maroc"),  # types disagree: false positive
        ]
    )
    score = evaluate_graph(G, gold_of(SEED_LIKE))
    assert counts(score.entities) == (5, 2, 4, 2)
    assert rates(score.entities) == (0.4, 0.5, 0.4444)
    assert score.splits == 1
    assert score.details["missed_entities"] == ["dgsn", "abdellatif-hammouchi"]
    assert score.details["false_positive_entities"] == ["org:maroc", "person:jean-dupont"]
    assert score.details["split_entities"] == [["country:QA2", "qatar"]]


def test_three_nodes_for_one_entity_are_two_splits():
    G = graph_of(
        [
            ("person:hammouchi", "person", "Hammouchi"),
            ("person:a-hammouchi", "person", "Abdellatif Hammouchi"),
            ("person:abdellatif", "person", "Abdellatif", "Hammouchi"),
        ]
    )
    score = evaluate_graph(G, gold_of(SEED_LIKE))
    assert counts(score.entities) == (3, 1, 4, 1)
    assert score.splits == 2
    # The nodes whose labels name the entity come first; the alias-only match is a split.
    assert score.details["split_entities"] == [
        ["person:abdellatif", "abdellatif-hammouchi"],
        ["person:hammouchi", "abdellatif-hammouchi"],
    ]


def test_a_node_matches_by_any_of_its_aliases():
    G = graph_of([("org:dgsn", "organization", "Sûreté nationale", "la DGSN")])
    matches = match_nodes(G, gold_of(SEED_LIKE))
    assert (matches["org:dgsn"].status, matches["org:dgsn"].entity) == ("hit", "dgsn")


def test_a_node_matching_two_gold_entities_is_assigned_the_one_its_label_names():
    gold = gold_of([entity("dgsn", "ORG", "DGSN"), entity("dgst", "ORG", "DGST")])
    G = graph_of([("org:dgsn", "organization", "DGSN", "DGST")])
    score = evaluate_graph(G, gold)
    assert counts(score.entities) == (1, 1, 2, 1)
    assert score.details["missed_entities"] == ["dgst"]
    assert score.splits == 0


def test_a_node_matching_two_gold_entities_prefers_the_required_one():
    gold = gold_of(
        [
            entity("cyber", "ORG", "cyber-direction israélienne", optional=True),
            entity("incd", "ORG", "INCD"),
        ]
    )
    G = graph_of(
        [("org:x", "organization", "Direction nationale", "INCD", "cyber-direction israélienne")]
    )
    assert match_nodes(G, gold)["org:x"].entity == "incd"


def test_nodes_of_ignored_and_optional_entities_are_neither_hit_nor_false_positive():
    gold = gold_of(
        [
            entity("tel-aviv", "LOCATION", "Tel-Aviv"),
            entity("cybertech", "EVENT", "CyberTech Global"),
            entity("bayraktar", "MISC", "Bayraktar TB-2"),
            entity("turquie", "COUNTRY", "Turquie", optional=True),
        ]
    )
    G = graph_of(
        [
            ("country:tel-aviv", "country", "Tel Aviv"),
            ("org:cybertech", "organization", "Cybertech global"),
            ("org:bayraktar", "organization", "Bayraktar TB 2"),
            ("country:TR", "country", "Turquie"),
            ("org:turquie", "organization", "Turquie"),  # optional, but the type disagrees
        ]
    )
    score = evaluate_graph(G, gold)
    assert counts(score.entities) == (1, 0, 0, 0)
    assert rates(score.entities) == (0.0, None, 0.0)
    assert score.details["false_positive_entities"] == ["org:turquie"]


def test_nodes_not_person_organisation_or_country_are_not_scored():
    G = graph_of(
        [("location:rabat", "location", "Rabat"), ("location:x", "location", "Nulle Part")]
    )
    score = evaluate_graph(G, gold_of(SEED_LIKE))
    assert counts(score.entities) == (0, 0, 4, 0)
    assert rates(score.entities) == (None, 0.0, 0.0)


# Relations

WORLD = [
    entity("maroc", "COUNTRY", "Maroc"),
    entity("qatar", "COUNTRY", "Qatar"),
    entity("israel", "COUNTRY", "Israël"),
    entity("algerie", "COUNTRY", "Algérie"),
    entity("hammouchi", "PERSON", "Abdellatif Hammouchi"),
    entity("dgsn", "ORG", "DGSN"),
    entity("turquie", "COUNTRY", "Turquie", optional=True),
    entity("rabat", "LOCATION", "Rabat"),
]
WORLD_NODES = [
    ("country:MA", "country", "Maroc"),
    ("country:QA", "country", "Qatar"),
    ("country:IL", "country", "Israël"),
    ("country:DZ", "country", "l’Algérie"),
    ("person:hammouchi", "person", "Abdellatif Hammouchi"),
    ("org:dgsn", "organization", "DGSN"),
    ("country:TR", "country", "Turquie"),
    ("org:rabat", "organization", "Rabat"),
    ("person:jean-dupont", "person", "Jean Dupont"),
]


def test_relations_hits_false_positives_ignored_and_polarity():
    gold = gold_of(
        WORLD,
        [
            relation("maroc", "qatar", "cooperation"),
            relation("hammouchi", "dgsn", "affiliation"),
            relation("dgsn", "maroc", "part_of"),
            relation("algerie", "maroc", "opposition"),
            relation("maroc", "turquie", "cooperation"),
            relation("israel", "maroc", "cooperation", optional=True),
        ],
    )
    G = graph_of(
        WORLD_NODES,
        [
            ("country:MA", "country:QA", "cooperation"),  # hit, typed hit
            ("person:hammouchi", "org:dgsn", "cooperation"),  # hit, typed: wrong type
            ("country:MA", "country:DZ", "cooperation"),  # polarity error
            ("country:MA", "country:TR", "cooperation"),  # optional end: ignored
            ("country:IL", "country:MA", "cooperation"),  # optional relation: ignored
            ("country:IL", "country:QA", "cooperation"),  # no gold relation: false positive
            ("country:MA", "org:rabat", "part_of"),  # ignored end: ignored
            (
                "person:hammouchi",
                "person:jean-dupont",
                "affiliation",
            ),  # unmatched end: false positive
        ],
    )
    score = evaluate_graph(G, gold)
    assert counts(score.relations) == (5, 2, 4, 2)
    assert rates(score.relations) == (0.4, 0.5, 0.4444)
    assert counts(score.typed) == (5, 1, 4, 1)
    assert rates(score.typed) == (0.2, 0.25, 0.2222)
    assert score.polarity_errors == 1
    assert score.details["missed_relations"] == [
        ["algerie", "maroc", "opposition"],
        ["dgsn", "maroc", "part_of"],
        ["hammouchi", "dgsn", "affiliation"],
    ]
    assert score.details["false_positive_relations"] == [
        ["algerie", "maroc", "cooperation"],
        ["israel", "qatar", "cooperation"],
        ["person:hammouchi", "person:jean-dupont", "affiliation"],
    ]
    assert score.details["wrong_type_relations"] == [["dgsn", "hammouchi", "cooperation"]]
    assert score.details["polarity_errors"] == [["algerie", "maroc", "cooperation"]]


def test_scores_by_type():
    gold = gold_of(
        WORLD,
        [
            relation("maroc", "qatar", "cooperation"),
            relation("hammouchi", "dgsn", "affiliation"),
            relation("dgsn", "maroc", "part_of"),
            relation("algerie", "maroc", "opposition"),
            relation("israel", "qatar", "opposition"),
            relation("israel", "maroc", "cooperation", optional=True),
        ],
    )
    G = graph_of(
        WORLD_NODES,
        [
            ("country:MA", "country:QA", "cooperation|opposition"),  # cooperation hit, opp. FP
            ("person:hammouchi", "org:dgsn", "cooperation"),  # cooperation FP (wrong type)
            ("country:MA", "country:DZ", "opposition"),  # opposition hit
            ("country:IL", "country:QA", "cooperation"),  # polarity error: cooperation FP
            ("country:IL", "country:MA", "cooperation|opposition"),  # optional: ignored twice
            ("country:MA", "country:TR", "opposition"),  # optional end: ignored
            ("person:hammouchi", "person:jean-dupont", "affiliation"),  # unmatched end: FP
        ],
    )
    score = evaluate_graph(G, gold)
    by_type = {t: counts(s) for t, s in score.by_type.items()}
    assert by_type == {
        "cooperation": (3, 1, 1, 1),
        "affiliation": (1, 0, 1, 0),
        "part_of": (0, 0, 1, 0),
        "opposition": (2, 1, 2, 1),
    }
    assert rates(score.by_type["opposition"]) == (0.5, 0.5, 0.5)
    assert rates(score.by_type["part_of"]) == (None, 0.0, 0.0)
    assert sum(s.found for s in score.by_type.values()) == score.typed.found
    assert sum(s.gold for s in score.by_type.values()) == score.typed.gold
    assert score.to_dict()["relations_by_type"]["cooperation"]["correct"] == 1


def test_scores_by_type_add_up_over_documents():
    one = DocumentScore("a.txt", by_type={"opposition": Score(2, 1, 3, 1)})
    two = DocumentScore("b.txt")
    total = total_score([one, two])
    assert counts(total.by_type["opposition"]) == (2, 1, 3, 1)
    assert counts(total.by_type["cooperation"]) == (0, 0, 0, 0)
    assert list(total.by_type) == ["cooperation", "affiliation", "part_of", "opposition"]


@pytest.mark.parametrize(
    ("gold_relation", "edge_relations", "untyped", "typed", "polarity_errors"),
    [
        # An edge that says opposition between rivals is right.
        (relation("algerie", "maroc", "opposition"), "opposition", (1, 1, 1, 1), (1, 1, 1, 1), 0),
        (
            relation("algerie", "maroc", "opposition"),
            "cooperation|opposition",
            (1, 1, 1, 1),
            (1, 1, 1, 1),
            0,
        ),
        # An unmarked edge between rivals is a polarity error, even when the gold is optional.
        (relation("algerie", "maroc", "opposition"), "cooperation", (1, 0, 1, 0), (1, 0, 1, 0), 1),
        (
            relation("algerie", "maroc", "opposition", True),
            "cooperation",
            (1, 0, 0, 0),
            (1, 0, 0, 0),
            1,
        ),
        (
            relation("algerie", "maroc", "opposition", True),
            "opposition",
            (0, 0, 0, 0),
            (0, 0, 0, 0),
            0,
        ),
        # Opposition where the gold says cooperation: related, but the wrong type.
        (relation("algerie", "maroc", "cooperation"), "opposition", (1, 1, 1, 1), (1, 0, 1, 0), 0),
        # Typed: the edge's types must include the gold type; extra types cost nothing.
        (
            relation("maroc", "qatar", "cooperation"),
            "affiliation|cooperation",
            (1, 1, 1, 1),
            (1, 1, 1, 1),
            0,
        ),
        (relation("maroc", "qatar", "cooperation"), "affiliation", (1, 1, 1, 1), (1, 0, 1, 0), 0),
    ],
)
def test_relation_verdicts(gold_relation, edge_relations, untyped, typed, polarity_errors):
    a, b = sorted((gold_relation["a"], gold_relation["b"]))
    node = {"algerie": "country:DZ", "maroc": "country:MA", "qatar": "country:QA"}
    G = graph_of(WORLD_NODES, [(node[a], node[b], edge_relations)])
    score = evaluate_graph(G, gold_of(WORLD, [gold_relation]))
    assert counts(score.relations) == untyped
    assert counts(score.typed) == typed
    assert score.polarity_errors == polarity_errors


def test_polarity_error_between_optional_entities():
    # Like "renforcer son armement face à l’Algérie": optional entity, optional relation.
    gold = gold_of(
        [
            entity("maroc", "COUNTRY", "Maroc"),
            entity("algerie", "COUNTRY", "Algérie", optional=True),
        ],
        [relation("algerie", "maroc", "opposition", optional=True)],
    )
    G = graph_of(
        [("country:MA", "country", "Maroc"), ("country:DZ", "country", "Algérie")],
        [("country:DZ", "country:MA", "cooperation")],
    )
    score = evaluate_graph(G, gold)
    assert counts(score.relations) == (1, 0, 0, 0)
    assert rates(score.relations) == (0.0, None, 0.0)
    assert score.polarity_errors == 1


def test_typed_edge_with_only_an_optional_type_of_its_pair_is_ignored():
    gold = gold_of(
        WORLD,
        [
            relation("hammouchi", "maroc", "affiliation"),
            relation("hammouchi", "maroc", "cooperation", True),
        ],
    )
    G = graph_of(WORLD_NODES, [("person:hammouchi", "country:MA", "cooperation")])
    score = evaluate_graph(G, gold)
    assert counts(score.relations) == (1, 1, 1, 1)
    assert counts(score.typed) == (0, 0, 1, 0)
    assert rates(score.typed) == (None, 0.0, 0.0)


def test_two_gold_types_on_one_pair_are_two_typed_gold_relations():
    gold = gold_of(
        WORLD,
        [
            relation("hammouchi", "maroc", "affiliation"),
            relation("hammouchi", "maroc", "cooperation"),
        ],
    )
    G = graph_of(WORLD_NODES, [("person:hammouchi", "country:MA", "affiliation")])
    score = evaluate_graph(G, gold)
    assert counts(score.relations) == (1, 1, 1, 1)
    assert counts(score.typed) == (1, 1, 2, 1)
    assert rates(score.typed) == (1.0, 0.5, 0.6667)


def test_edges_of_split_nodes_fold_onto_one_gold_pair():
    gold = gold_of(SEED_LIKE, [relation("maroc", "qatar", "cooperation")])
    G = graph_of(
        [
            ("country:MA", "country", "Maroc"),
            ("country:royaume", "country", "royaume"),
            ("country:QA", "country", "Qatar"),
        ],
        [
            ("country:MA", "country:QA", "affiliation"),
            ("country:QA", "country:royaume", "cooperation"),
            ("country:MA", "country:royaume", "cooperation"),  # Maroc to itself: false positive
        ],
    )
    score = evaluate_graph(G, gold)
    assert counts(score.entities) == (3, 2, 4, 2)
    assert score.splits == 1
    assert counts(score.relations) == (2, 1, 1, 1)
    assert counts(score.typed) == (2, 1, 1, 1)
    assert score.details["false_positive_relations"] == [["maroc", "maroc", "cooperation"]]


def test_a_gold_relation_whose_ends_were_not_found_is_missed():
    gold = gold_of(SEED_LIKE, [relation("maroc", "qatar", "cooperation")])
    G = graph_of([("country:MA", "country", "Maroc")])
    score = evaluate_graph(G, gold)
    assert counts(score.relations) == (0, 0, 1, 0)
    assert rates(score.relations) == (None, 0.0, 0.0)
    assert score.details["missed_relations"] == [["maroc", "qatar", "cooperation"]]


def test_gold_relations_with_an_optional_or_ignored_end_are_not_required():
    gold = gold_of(
        WORLD,
        [relation("maroc", "turquie", "cooperation"), relation("maroc", "rabat", "part_of")],
    )
    score = evaluate_graph(graph_of(WORLD_NODES), gold)
    assert counts(score.relations) == (0, 0, 0, 0)
    assert rates(score.relations) == (None, None, None)


def test_edges_to_unscored_nodes_are_not_scored():
    G = graph_of(
        [("country:MA", "country", "Maroc"), ("location:rabat", "location", "Rabat")],
        [("country:MA", "location:rabat", "part_of")],
    )
    score = evaluate_graph(G, gold_of(SEED_LIKE))
    assert counts(score.relations) == (0, 0, 0, 0)


# Totals and records


def test_total_is_micro_averaged_over_counts():
    one = DocumentScore("a.txt", entities=Score(4, 3, 4, 3), relations=Score(1, 1, 3, 1), splits=1)
    two = DocumentScore(
        "b.txt", entities=Score(6, 6, 8, 6), relations=Score(3, 0, 0, 0), polarity_errors=2
    )
    total = total_score([one, two])
    assert counts(total.entities) == (10, 9, 12, 9)
    assert rates(total.entities) == (0.9, 0.75, 0.8182)
    assert counts(total.relations) == (4, 1, 3, 1)
    assert rates(total.relations) == (0.25, 0.3333, 0.2857)
    assert counts(total.typed) == (0, 0, 0, 0)
    assert (total.doc, total.splits, total.polarity_errors) == ("total", 1, 2)
    assert total_score([]).entities == Score()


def test_scores_a_graph_built_from_a_result_record():
    record = {
        "id": "a.txt",
        "entities": [
            {
                "id": "country:MA",
                "label": "Maroc",
                "type": "country",
                "aliases": ["Maroc", "royaume"],
                "mentions": 2,
            },
            {
                "id": "country:QA",
                "label": "Qatar",
                "type": "country",
                "aliases": ["Qatar"],
                "mentions": 1,
            },
            {
                "id": "location:rabat",
                "label": "Rabat",
                "type": "location",
                "aliases": ["Rabat"],
                "mentions": 1,
            },
        ],
        "relations": [
            {
                "source": "country:MA",
                "target": "country:QA",
                "type": "cooperation",
                "sentence": "Le Maroc et le Qatar s’engagent à coopérer.",
                "start_char": 0,
                "end_char": 43,
            }
        ],
    }
    gold = gold_of(
        SEED_LIKE, [relation("maroc", "qatar", "cooperation"), relation("dgsn", "maroc", "part_of")]
    )
    score = evaluate_graph(build_graph([record]), gold, doc="a.txt")
    assert counts(score.entities) == (2, 2, 4, 2)
    assert counts(score.relations) == (1, 1, 2, 1)
    assert counts(score.typed) == (1, 1, 2, 1)
    result = score.to_dict()
    assert list(result) == [
        "doc",
        "entities",
        "relations",
        "relations_typed",
        "relations_by_type",
        "splits",
        "polarity_errors",
        "details",
    ]
    assert result["relations"] == {
        "precision": 1.0,
        "recall": 0.5,
        "f1": 2 / 3,
        "predicted": 1,
        "correct": 1,
        "gold": 2,
        "found": 1,
    }
