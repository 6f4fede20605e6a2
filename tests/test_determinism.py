"""The same inputs give the same bytes, whatever the file order, the jobs or the record order."""

from __future__ import annotations

import random

from extract.cli import main
from graph import build_graph, write_graph

TEXTS = {
    "a.txt": "Le Maroc et le Qatar ont signé un accord de coopération sécuritaire.",
    "b.txt": "La France et l’Algérie ont renforcé leur coopération policière.",
    "c.txt": "Le Sénégal et le Maroc ont signé mardi à Dakar un accord de coopération sur la pêche",
    "d.txt": "Le Qatar et le Maroc coopèrent dans la lutte contre le terrorisme.",
    "e.txt": "La Tunisie et l’Égypte ont conclu un partenariat dans le domaine de l’énergie.",
}


def test_cli_output_is_byte_identical_across_jobs_and_input_order(tmp_path, monkeypatch, nlp):
    monkeypatch.setattr("extract.engine.documents.GROUP_SIZE", 2)  # so that --jobs 2 starts workers
    paths = []
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    shuffled = list(reversed(paths))
    runs = {
        "one": [*paths, "--jobs", "1"],
        "two": [*paths, "--jobs", "2"],
        "shuffled": [*shuffled, "--jobs", "1"],
    }
    for name, args in runs.items():
        assert main(["build", *args, "-o", str(tmp_path / f"{name}.graphml")]) == 0
    # Workers start once here; test_extract_parallel shows their records equal one process's.
    for name in ("one", "shuffled"):
        assert main(["extract", *runs[name], "-o", str(tmp_path / f"{name}.jsonl")]) == 0
    graphs = {name: (tmp_path / f"{name}.graphml").read_bytes() for name in runs}
    results = {name: (tmp_path / f"{name}.jsonl").read_bytes() for name in ("one", "shuffled")}
    assert graphs["two"] == graphs["one"] and graphs["shuffled"] == graphs["one"]
    assert results["shuffled"] == results["one"]
    assert b"country:QA" in graphs["one"] and b"country:EG" in graphs["one"]


def entity(entity_id: str, label: str, aliases: list[str], mentions: int = 1) -> dict:
    kind = {"org": "organization", "person": "person", "country": "country"}[
        entity_id.split(":")[0]
    ]
    code = entity_id.split(":")[1] if kind == "country" else ""
    return {
        "id": entity_id,
        "label": label,
        "type": kind,
        "aliases": aliases,
        "mentions": mentions,
        "country_code": code,
    }


def relation(source: str, target: str, kind: str, sentence: str, start: int) -> dict:
    return {
        "source": source,
        "target": target,
        "type": kind,
        "sentence": sentence,
        "start_char": start,
        "end_char": start + len(sentence),
    }


RECORDS = [
    {
        "id": "doc-2",
        "entities": [
            entity("org:dgsn", "DGSN", ["DGSN"]),
            entity("country:MA", "Maroc", ["Maroc"]),
        ],
        "relations": [relation("org:dgsn", "country:MA", "part_of", "La DGSN marocaine agit.", 0)],
    },
    {
        "id": "doc-1",
        "entities": [
            entity(
                "org:direction-generale-de-la-surete-nationale",
                "Direction générale de la sûreté nationale",
                ["Direction générale de la sûreté nationale", "dgsn"],
            ),
            entity("country:MA", "Royaume du Maroc", ["Royaume du Maroc", "Maroc"]),
        ],
        "relations": [
            relation(
                "org:direction-generale-de-la-surete-nationale",
                "country:MA",
                "part_of",
                "La Direction générale de la sûreté nationale du Maroc.",
                10,
            )
        ],
    },
    {
        "id": "doc-3",
        "entities": [
            entity("country:MA", "Maroc", ["Maroc"]),
            entity("country:QA", "Qatar", ["Qatar"]),
            entity("person:aminata-diallo", "Aminata Diallo", ["Aminata Diallo"]),
        ],
        "relations": [
            relation(
                "country:MA", "country:QA", "cooperation", "Le Maroc et le Qatar coopèrent.", 5
            ),
            relation(
                "country:QA", "country:MA", "cooperation", "Le Qatar et le Maroc coopèrent.", 0
            ),
        ],
    },
    {
        "id": "doc-0",
        "entities": [
            entity("country:QA", "Qatar", ["Qatar"]),
            entity("country:MA", "Maroc", ["Maroc"]),
        ],
        "relations": [
            relation("country:QA", "country:MA", "opposition", "Le Qatar s’oppose au Maroc.", 3)
        ],
    },
]


def test_graph_is_byte_identical_whatever_the_record_order(tmp_path):
    expected = tmp_path / "expected.graphml"
    write_graph(build_graph(RECORDS), expected)
    for seed in range(6):
        records = RECORDS[:]
        random.Random(seed).shuffle(records)
        out = tmp_path / f"shuffled-{seed}.graphml"
        write_graph(build_graph(records), out)
        assert out.read_bytes() == expected.read_bytes(), (
            f"record order {[r['id'] for r in records]}"
        )


def test_ties_and_merges_resolve_the_same_way_in_any_order():
    for records in (RECORDS, RECORDS[::-1]):
        G = build_graph(records)
        assert sorted(G.nodes) == ["country:MA", "country:QA", "org:dgsn", "person:aminata-diallo"]
        assert G.nodes["country:MA"]["label"] == "Maroc"
        assert (
            G.nodes["org:dgsn"]["aliases"] == "DGSN|Direction générale de la sûreté nationale|dgsn"
        )
        edge = G.edges["country:MA", "country:QA"]
        assert edge["relations"] == "cooperation|opposition"
        assert edge["evidence"] == (
            "Le Qatar s’oppose au Maroc. || Le Qatar et le Maroc coopèrent. "
            "|| Le Maroc et le Qatar coopèrent."
        )
        assert edge["documents"] == "doc-0|doc-3"
