"""The interactive page: self-contained, and holding what a click is to show."""

from __future__ import annotations

import html
import json
import re

import networkx as nx
import pytest

from graph import build_graph, statement_rows, write_graph
from graph.gexf import TYPE_COLOURS
from graph.html import generate_html, html_layout, kept_nodes
from graph.statements import Statement
from graph.write import format_of

# A tag that would load a script, a style sheet or a font from somewhere else.
REMOTE = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//"
    r"|@import\s+(?:url\()?[\"']?\s*(?:https?:)?//"
    r"|url\(\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)
AGREE = "Le Maroc et le Qatar s’engagent à donner un nouvel élan à la coopération."


def small_graph():
    G = nx.Graph()
    G.add_node(
        "country:MA",
        label="Maroc",
        type="country",
        mentions=5,
        documents=2,
        aliases="Maroc|marocain",
        first_date="2023-11-20",
        last_date="2024-03-05",
    )
    G.add_node(
        "country:QA", label="Qatar", type="country", mentions=3, documents=1, aliases="Qatar"
    )
    G.add_node(
        "person:x",
        label="Abdellatif Hammouchi",
        type="person",
        mentions=1,
        documents=1,
        aliases="Hammouchi",
    )
    G.add_edge("country:MA", "country:QA", weight=2.0, relations="cooperation|opposition",
               hedged=1, evidence=AGREE, documents="a|b", first_date="2023-11-20",
               last_date="2024-03-05")  # fmt: skip
    return G


def row(sentence, **extra):
    values = dict(source="country:MA", source_label="Maroc", target="country:QA",
                  target_label="Qatar", type="cooperation", hedged=False, sentence=sentence,
                  document="a", date="2023-11-20", title="Accord", url="", start_char=0,
                  end_char=len(sentence))  # fmt: skip
    return Statement(**{**values, **extra})


def sources(page):
    nodes = page.select_one({"name": "nodes"}).data_source.data
    edges = page.select_one({"name": "edges"}).data_source.data
    return nodes, edges


def documents_json(text):
    """Every string of the Bokeh documents inside a page, one a line (Bokeh escapes them)."""
    found = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', text, re.S)
    strings = []

    def walk(value):
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(found.group(1)))
    return "\n".join(strings)


def test_page_is_self_contained():
    text = generate_html(small_graph(), statements=[row(AGREE)])
    assert text.lstrip().lower().startswith("<!doctype html>")
    assert not REMOTE.findall(text)
    assert "<script>" in text and "<style>" in text or "<script type=" in text
    assert "Bokeh" in text  # the library itself is inside the file
    assert AGREE in documents_json(text)


def test_remote_pattern_catches_what_it_must():
    assert REMOTE.search('<script src="https://cdn.example/x.js"></script>')
    assert REMOTE.search("<link rel=stylesheet href='//cdn.example/x.css'>")
    assert REMOTE.search("@import url(https://fonts.example/css)")
    assert not REMOTE.search('<a href="https://example.org/article">article</a>')


def test_nodes_are_coloured_by_type_and_sized_by_mentions():
    nodes, _ = sources(html_layout(small_graph()))
    colour = dict(zip(nodes["id"], nodes["colour"], strict=True))
    r, g, b = TYPE_COLOURS["person"]
    assert colour["person:x"] == f"#{r:02x}{g:02x}{b:02x}"
    size = dict(zip(nodes["id"], nodes["size"], strict=True))
    assert size["country:MA"] > size["country:QA"] > size["person:x"]


def test_a_node_shows_its_facts_and_edges():
    nodes, _ = sources(html_layout(small_graph()))
    details = dict(zip(nodes["id"], nodes["details"], strict=True))["country:MA"]
    for text in (
        "Maroc",
        "country",
        "Maroc, marocain",
        "<dd>5</dd>",
        "<dd>2</dd>",
        "2023-11-20 to 2024-03-05",
        "Qatar: cooperation, opposition, 2 statements",
    ):
        assert text in details  # fmt: skip


def test_an_edge_shows_every_statement_with_its_source():
    rows = [
        row(AGREE, url="https://example.org/maroc-qatar"),
        row("Doha et Rabat négocieraient.", hedged=True, document="b", title="", date="",
            source="country:QA", source_label="Qatar", target="country:MA",
            target_label="Maroc", type="opposition", start_char=40, end_char=68),
    ]  # fmt: skip
    _, edges = sources(html_layout(small_graph(), statements=rows))
    (details,) = edges["details"]
    assert "Statements (2)" in details
    assert f"<q>{AGREE}</q>" in details
    assert '<a href="https://example.org/maroc-qatar"' in details and ">Accord</a>" in details
    assert "2023-11-20" in details and "<i>hedged</i>" in details
    assert "Doha et Rabat négocieraient." in details and " · b" in details  # no title: the id
    for text in (
        "cooperation, opposition",
        "2 statements",
        "<dt>hedged</dt><dd>1</dd>",
        "<dt>documents</dt><dd>2</dd>",
    ):
        assert text in details


def test_without_statements_an_edge_shows_its_kept_evidence():
    _, edges = sources(html_layout(small_graph()))
    assert f"<q>{AGREE}</q>" in edges["details"][0]
    assert "first sentences only" in edges["details"][0]


def test_text_from_articles_is_escaped_and_only_web_links_are_links():
    hostile = row("<img src=x onerror=alert(1)> « Maroc »", title="<b>T</b>",
                  url="javascript:alert(1)")  # fmt: skip
    _, edges = sources(html_layout(small_graph(), statements=[hostile]))
    (details,) = edges["details"]
    assert "<img" not in details and "&lt;img src=x onerror=alert(1)&gt;" in details
    assert "<b>T</b>" not in details and 'href="javascript' not in details


def test_the_cap_keeps_the_most_mentioned_and_says_how_many_are_left_out():
    G = small_graph()
    page = html_layout(G, max_nodes=2)
    nodes, edges = sources(page)
    assert nodes["id"] == ["country:MA", "country:QA"] and len(edges["details"]) == 1
    summary = page.select_one({"name": "summary"}).text
    assert "1 of 3 entities are left out" in summary
    assert "left out" not in html_layout(G, max_nodes=None).select_one({"name": "summary"}).text
    with pytest.raises(ValueError, match="max_nodes"):
        kept_nodes(G, -1)


def test_filters_offer_the_relation_types_drawn_and_dates_when_known():
    page = html_layout(small_graph())
    assert page.select_one({"name": "relations"}).labels == ["opposition", "cooperation"]
    dates = page.select_one({"name": "dates"})
    assert dates is not None and dates.start < dates.end
    G = small_graph()
    for _, _, data in G.edges(data=True):
        del data["first_date"], data["last_date"]
    assert html_layout(G).select_one({"name": "dates"}) is None


def test_search_knows_every_drawn_name():
    page = html_layout(small_graph())
    assert page.select_one({"name": "search"}).completions == [
        "Abdellatif Hammouchi", "Maroc", "Qatar"
    ]  # fmt: skip


def test_empty_graph_gives_a_page():
    text = generate_html(nx.Graph())
    assert "0 entities" in documents_json(text)


def test_write_graph_chooses_the_page_by_suffix(tmp_path, seed_results):
    G = build_graph(seed_results)
    rows = statement_rows(seed_results)
    assert format_of("graph.html") == format_of("graph.HTM") == "html"
    write_graph(G, tmp_path / "seeds.html", statements=rows, max_nodes=None)
    text = (tmp_path / "seeds.html").read_text(encoding="utf-8")
    assert not REMOTE.findall(text)
    inside = documents_json(text)
    assert rows and all(html.escape(r.sentence) in inside for r in rows)
    with pytest.raises(TypeError, match="graphml writer takes no option statements"):
        write_graph(G, tmp_path / "seeds.graphml", statements=rows)
    write_graph(G, tmp_path / "seeds.graphml", statements=None)  # None means not given


def test_a_sentence_repeated_in_documents_is_shown_once_with_each_document():
    rows = [row(AGREE, document=name, title=f"Dépêche {name}") for name in ("a", "b", "c")]
    rows.append(row("Le Qatar, membre du Maroc.", type="part_of", source="country:QA",
                    source_label="Qatar", target="country:MA", target_label="Maroc"))  # fmt: skip
    _, edges = sources(html_layout(small_graph(), statements=rows))
    (details,) = edges["details"]
    assert details.count(f"<q>{AGREE}</q>") == 1 and "Statements (4)" in details
    assert "3 documents: Dépêche a 2023-11-20, Dépêche b 2023-11-20, Dépêche c" in details
    assert "part of (Qatar → Maroc)" in details  # a directed relation says which way
