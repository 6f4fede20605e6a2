"""The results file: append-only, resumable after a crash, compacted sorted by id."""

from __future__ import annotations

import json
import logging

import pytest

from extract.cli import main
from extract.errors import ResultsError
from extract.inputs.results import (
    ResultsFile,
    dumps_record,
    is_results_file,
    read_results,
    scan_results,
)


def record(doc_id: str, sha1: str = "1", label: str = "Maroc") -> dict:
    return {
        "id": doc_id,
        "mentions": [],
        "relations": [],
        "title": "",
        "date": "",
        "url": "",
        "sha1": sha1,
        "entities": [
            {
                "id": "country:MA",
                "label": label,
                "type": "country",
                "aliases": [label],
                "mentions": 1,
                "country_code": "MA",
                "furniture": False,
            }
        ],
    }


def write_lines(path, *records, tail: bytes = b"") -> None:
    path.write_bytes(b"".join(dumps_record(r) for r in records) + tail)


def test_results_file_appends_then_rewrites_sorted_by_id(tmp_path):
    path = tmp_path / "r.jsonl"
    with ResultsFile(path) as results:
        for doc_id in ("b", "a", "c"):
            results.append(record(doc_id))
    assert [json.loads(line)["id"] for line in path.read_text("utf-8").splitlines()] == [
        "a",
        "b",
        "c",
    ]
    assert [r["id"] for r in read_results(path)] == ["a", "b", "c"]
    assert is_results_file(path)
    assert [p.name for p in tmp_path.iterdir()] == ["r.jsonl"]


def test_a_changed_document_replaces_its_line(tmp_path):
    path = tmp_path / "r.jsonl"
    write_lines(path, record("a"), record("b"))
    with ResultsFile(path) as results:
        assert results.is_current("a", "1") and not results.is_current("b", "2")
        results.append(record("b", "2", label="Royaume du Maroc"))
    assert [(r["id"], r["sha1"]) for r in read_results(path)] == [("a", "1"), ("b", "2")]
    assert len(path.read_bytes().splitlines()) == 2


def test_a_cut_last_line_is_reported_ignored_and_the_run_resumes(tmp_path, caplog):
    path = tmp_path / "r.jsonl"
    write_lines(path, record("a"), record("b"), tail=dumps_record(record("c"))[:25])
    with caplog.at_level(logging.WARNING, logger="extract.inputs.results"):
        index = scan_results(path)
    assert sorted(index.sha1) == ["a", "b"]
    assert caplog.messages == [f"{path}: line 3 was cut short by an earlier crash; it is ignored"]
    assert [r["id"] for r in read_results(path)] == ["a", "b"]
    with ResultsFile(path) as results:
        results.append(record("c"))
    assert path.read_bytes() == b"".join(dumps_record(record(i)) for i in "abc")


def test_a_damaged_line_before_the_end_is_an_error(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_bytes(dumps_record(record("a")) + b"{oops\n" + dumps_record(record("b")))
    with pytest.raises(ResultsError, match=r"r.jsonl, line 2: invalid JSON \(Expecting"):
        scan_results(path)


def test_an_interrupted_run_keeps_what_it_wrote(tmp_path):
    path = tmp_path / "r.jsonl"
    with pytest.raises(KeyboardInterrupt), ResultsFile(path) as results:
        results.append(record("b"))
        results.append(record("a"))
        raise KeyboardInterrupt
    assert [json.loads(line)["id"] for line in path.read_bytes().splitlines()] == ["b", "a"]
    assert sorted(scan_results(path).sha1) == ["a", "b"]


def test_an_unpaired_surrogate_is_written_as_an_escape(tmp_path):
    line = dumps_record(record("a", label="Maroc\ud800"))
    assert b"\\ud800" in line and line.endswith(b"\n")
    assert json.loads(line)["entities"][0]["label"] == "Maroc\ud800"


def test_an_article_jsonl_is_not_a_results_file(tmp_path):
    articles = tmp_path / "articles.jsonl"
    articles.write_text(
        '{"id": "a", "text": "Le Maroc et le Qatar coopèrent."}\n', encoding="utf-8"
    )
    assert not is_results_file(articles)


ARTICLES = {
    "a.txt": "Le Maroc et le Qatar ont signé un accord de coopération sécuritaire.",
    "b.txt": "La France et l’Algérie ont renforcé leur coopération policière.",
}


def test_extract_rerun_processes_only_new_or_changed_documents(tmp_path, capsys, nlp):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "--jobs", "1"]) == 0
    assert (
        capsys.readouterr().err.splitlines()[-1]
        == f"2 document(s) extracted, 0 already there -> {out}"
    )
    first = {r["id"]: r for r in read_results(out)}
    (folder / "b.txt").write_text(
        "La France et l’Espagne ont renforcé leur coopération.", encoding="utf-8"
    )
    (folder / "c.txt").write_text("Le Sénégal et le Maroc coopèrent.", encoding="utf-8")
    assert main(["extract", str(folder), "-o", str(out), "--jobs", "1"]) == 0
    assert (
        capsys.readouterr().err.splitlines()[-1]
        == f"2 document(s) extracted, 1 already there -> {out}"
    )
    second = {r["id"]: r for r in read_results(out)}
    assert sorted(second) == ["a.txt", "b.txt", "c.txt"]
    assert second["a.txt"] == first["a.txt"]
    assert "country:ES" in {e["id"] for e in second["b.txt"]["entities"]}
    assert main(["extract", str(folder), "-o", str(out), "--jobs", "1"]) == 0
    assert (
        capsys.readouterr().err.splitlines()[-1]
        == f"0 document(s) extracted, 3 already there -> {out}"
    )


def test_build_from_results_equals_build_from_articles(tmp_path, nlp):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    results = tmp_path / "results.jsonl"
    assert main(["extract", str(folder), "-o", str(results), "--jobs", "1"]) == 0
    assert main(["build", str(results), "-o", str(tmp_path / "two-step.graphml")]) == 0
    assert main(["build", str(folder), "-o", str(tmp_path / "direct.graphml"), "--jobs", "1"]) == 0
    direct = (tmp_path / "direct.graphml").read_bytes()
    assert b"country:QA" in direct
    assert (tmp_path / "two-step.graphml").read_bytes() == direct


def test_extract_wants_a_jsonl_results_file(tmp_path, capsys):
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "r.json")]) == 2  # a usage error
    assert (
        capsys.readouterr().err.strip()
        == f"Error: the results file {str(tmp_path / 'r.json')!r} must end in .jsonl"
    )
