"""export_safe: XML-legal text, XML-name ids, reserved names moved aside, one type per name."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from graph.safety import MAX_TEXT, export_safe, xml_name, xml_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israël\x00", "Israël"),
        ("a\x01\x08\x0b\x0c\x1fb", "ab"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("windows\r\nand mac\rends", "windows\nand mac\nends"),
        ("lone \ud800 surrogate", "lone  surrogate"),
        ("non\ufffe\uffffchars", "nonchars"),
        ("emoji 🤝 stays", "emoji 🤝 stays"),
    ],
)
def test_xml_text_removes_what_xml_cannot_carry(text, expected):
    assert xml_text(text) == expected


def test_long_text_is_cut_with_an_ellipsis():
    cut = xml_text("x" * (MAX_TEXT + 50))
    assert len(cut) == MAX_TEXT and cut.endswith("…")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("person:abdellatif-hammouchi", "person:abdellatif-hammouchi"),
        ("org:l’onu", "org:l_x2019_onu"),
        ("a b", "a_x0020_b"),
        ("", "_"),
        ("x/y&z", "x_x002F_y_x0026_z"),
    ],
)
def test_xml_name_escapes_what_a_name_token_cannot_hold(name, expected):
    assert xml_name(name) == expected


def test_ids_that_collide_after_cleaning_stay_two_nodes():
    G = nx.Graph()
    G.add_node("a\x00", label="first")
    G.add_node("a", label="second")
    H = export_safe(G)
    assert dict(H.nodes(data="label")) == {"a": "first", "a-2": "second"}


def test_one_type_per_attribute_name():
    G = nx.Graph()
    G.add_node("a", mentions=2, score=1, flag=True, note=3)
    G.add_node("b", mentions=3, score=2.5, flag=1, note="trois")
    H = export_safe(G)
    assert H.nodes["a"] == {"mentions": 2, "score": 1.0, "flag": 1, "note": "3", "label": "a"}
    assert H.nodes["b"] == {"mentions": 3, "score": 2.5, "flag": 1, "note": "trois", "label": "b"}
    assert type(H.nodes["a"]["score"]) is float and type(H.nodes["a"]["flag"]) is int


def test_none_and_non_finite_numbers_are_left_out_and_containers_joined():
    G = nx.Graph()
    G.add_node(
        "a", gone=None, nan=math.nan, inf=math.inf, kept=1.5, tags={"b", "a"}, order=["z", "y"]
    )
    assert export_safe(G).nodes["a"] == {"kept": 1.5, "tags": "a|b", "order": "z|y", "label": "a"}


def test_huge_ints_become_text_and_labels_are_always_text():
    G = nx.Graph()
    G.add_node("a", big=2**80, label=7)
    assert export_safe(G).nodes["a"] == {"big": str(2**80), "label": "7"}


def test_reserved_names_move_aside():
    G = nx.Graph()
    G.add_node("a", id="x", start="2020", viz="v", type="person")
    G.add_edge("a", "b", source="s", type="t", weight="heavy", key=1)
    H = export_safe(G)
    assert H.nodes["a"] == {
        "id_": "x",
        "start_": "2020",
        "viz_": "v",
        "type": "person",
        "label": "a",
    }
    assert H.edges["a", "b"] == {"source_": "s", "type_": "t", "key_": 1}  # weight not a number


def test_attribute_names_become_name_tokens():
    G = nx.Graph(**{"date de publication": "2021"})
    G.add_node("a", **{"date de publication": "2021", "x\x00": 1})
    H = export_safe(G)
    assert H.graph == {"date_x0020_de_x0020_publication": "2021"}
    assert H.nodes["a"] == {"date_x0020_de_x0020_publication": "2021", "x": 1, "label": "a"}
