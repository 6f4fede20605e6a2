"""`coopgraph evaluate`: the table, the JSON, the results file, warnings and errors."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil

import pytest
from conftest import GOLD, SEEDS

import extract.pipeline
from extract.cli import main

SEED_DOCS = ["000_bd430c8d39cbc0dc.txt", "003_fef535b62677a795.txt"]
RATE = r"(?:\d\.\d{3}|-)"
ROW = rf"\s+{RATE}( {RATE}){{8}}\s+\d+\s+\d+$"
# seeds/ also holds graph.png and page.png (the README's pictures), which the folder walk reports.
PICTURE_NOTICE = "2 file(s) in folders not read, not articles by their suffix: .png (2)\n"
SCORE_KEYS = ["precision", "recall", "f1", "predicted", "correct", "gold", "found"]


@pytest.fixture
def session_pipeline(monkeypatch, nlp):
    """Hand the command the session's pipeline instead of loading another."""
    monkeypatch.setattr(extract.pipeline, "load_pipeline", lambda: nlp)


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def seed_outputs(nlp):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract.pipeline, "load_pipeline", lambda: nlp)
        table = run(["evaluate", "--gold", str(GOLD), "--texts", str(SEEDS)])
        as_json = run(["evaluate", "--gold", str(GOLD), "--texts", str(SEEDS), "--json"])
    return table, as_json


def test_evaluate_prints_a_table_of_the_seeds(seed_outputs):
    code, out, err = seed_outputs[0]
    assert (code, err.replace(PICTURE_NOTICE, "")) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["entities", "relations", "typed", "relations", "splits", "polarity"]
    assert lines[1].split() == [
        "document",
        "P",
        "R",
        "F1",
        "P",
        "R",
        "F1",
        "P",
        "R",
        "F1",
        "errors",
    ]
    assert re.fullmatch(SEED_DOCS[0] + ROW, lines[2])
    assert re.fullmatch(SEED_DOCS[1] + ROW, lines[3])
    assert set(lines[4]) == {"-"}
    assert re.fullmatch(r"total \(micro\)" + ROW, lines[5])
    assert re.fullmatch(
        r"2 document\(s\): entities \d+/11 found, \d+/\d+ right; "
        r"relations \d+/7 found, \d+/\d+ right; typed relations \d+/7 found, \d+/\d+ right",
        lines[6],
    )
    assert lines[7] == ""
    assert lines[8].split() == ["relation", "type", "P", "R", "F1", "found", "right"]
    assert [line.split()[0] for line in lines[9:]] == [
        "cooperation",
        "affiliation",
        "part_of",
        "opposition",
    ]


def test_evaluate_json_has_every_score_of_the_seeds(seed_outputs):
    code, out, err = seed_outputs[1]
    assert (code, err.replace(PICTURE_NOTICE, "")) == (0, "")
    report = json.loads(out)
    assert list(report) == ["documents", "total", "not_scored"]
    assert [d["doc"] for d in report["documents"]] == SEED_DOCS
    assert report["not_scored"] == []
    total = report["total"]
    assert list(total) == [
        "documents",
        "entities",
        "relations",
        "relations_typed",
        "relations_by_type",
        "splits",
        "polarity_errors",
    ]
    assert total["documents"] == 2
    for part in ("entities", "relations", "relations_typed"):
        assert list(total[part]) == SCORE_KEYS
        for key in ("predicted", "correct", "gold", "found"):
            assert total[part][key] == sum(d[part][key] for d in report["documents"])
    by_type = total["relations_by_type"]
    assert list(by_type) == ["cooperation", "affiliation", "part_of", "opposition"]
    for relation_type, score in by_type.items():
        assert list(score) == SCORE_KEYS
        for key in ("predicted", "correct", "gold", "found"):
            assert score[key] == sum(
                d["relations_by_type"][relation_type][key] for d in report["documents"]
            )
    # Each typed gold relation has one type: the types' gold and found counts add up.
    for key in ("gold", "found"):
        assert sum(s[key] for s in by_type.values()) == total["relations_typed"][key]
    assert (
        total["entities"]["gold"],
        total["relations"]["gold"],
        total["relations_typed"]["gold"],
    ) == (11, 7, 7)
    details = report["documents"][0]["details"]
    assert list(details) == [
        "missed_entities",
        "false_positive_entities",
        "split_entities",
        "missed_relations",
        "false_positive_relations",
        "wrong_type_relations",
        "polarity_errors",
    ]


def result_line(doc_id, entities, relations=()):
    return json.dumps(
        {
            "id": doc_id,
            "entities": [
                {"id": e, "label": label, "type": type, "aliases": [label], "mentions": 1}
                for e, type, label in entities
            ],
            "relations": [
                {
                    "source": a,
                    "target": b,
                    "type": t,
                    "sentence": "…",
                    "start_char": 0,
                    "end_char": 1,
                }
                for a, b, t in relations
            ],
            "sha1": "",
        },
        ensure_ascii=False,
    )


@pytest.fixture
def results_file(tmp_path):
    path = tmp_path / "results.jsonl"
    lines = [
        result_line(
            SEED_DOCS[0],
            [
                ("country:MA", "country", "Maroc"),
                ("country:QA", "country", "Qatar"),
                ("org:dgsn", "organization", "DGSN"),
                ("org:x", "organization", "Nulle Part"),
            ],
            [
                ("country:MA", "country:QA", "cooperation"),
                ("country:MA", "org:dgsn", "cooperation"),
            ],
        ),
        result_line("sans-gold.txt", [("country:MA", "country", "Maroc")]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_evaluate_reads_a_results_file(results_file):
    code, out, err = run(["evaluate", "--gold", str(GOLD), "--results", str(results_file)])
    assert code == 0
    assert err.splitlines() == [
        f'Warning: {GOLD / "003_fef535b62677a795.json"}: its text "{SEED_DOCS[1]}" is not in '
        f"{results_file}; not scored",
        f"Warning: {results_file}: sans-gold.txt has no gold file; not scored",
    ]
    lines = out.splitlines()
    # Entities 3 right of 4, 3 found of 5; relations: Maroc–Qatar a hit, DGSN–Maroc a hit
    # untyped and the wrong type; 2 of 3 gold pairs found, 1 of 3 typed.
    scores = "0.750 0.600 0.667 1.000 0.667 0.800 0.500 0.333 0.400       0        0"
    assert lines[2] == f"{SEED_DOCS[0]}  {scores}"
    assert lines[4] == f"{'total (micro)':<{len(SEED_DOCS[0])}}  {scores}"
    assert lines[5] == (
        "1 document(s): entities 3/5 found, 3/4 right; relations 2/3 found, 2/2 right; "
        "typed relations 1/3 found, 1/2 right"
    )
    # Maroc–Qatar is a cooperation hit; DGSN–Maroc claims cooperation where the gold says
    # part_of: a false positive for cooperation, and part_of stays unfound.
    assert lines[6:] == [
        "",
        "relation type      P     R    F1    found   right",
        "cooperation    0.500 1.000 0.667      1/1     1/2",
        "affiliation        - 0.000 0.000      0/1     0/0",
        "part_of            - 0.000 0.000      0/1     0/0",
        "opposition         -     -     -      0/0     0/0",
    ]


def test_evaluate_json_lists_what_was_not_scored(results_file):
    code, out, _ = run(["evaluate", "--gold", str(GOLD), "--results", str(results_file), "--json"])
    report = json.loads(out)
    assert code == 0
    assert report["not_scored"] == [
        f'{GOLD / "003_fef535b62677a795.json"}: its text "{SEED_DOCS[1]}" is not in {results_file}',
        f"{results_file}: sans-gold.txt has no gold file",
    ]
    assert report["documents"][0]["details"]["false_positive_entities"] == ["org:x"]
    assert report["documents"][0]["details"]["wrong_type_relations"] == [
        ["dgsn", "maroc", "cooperation"]
    ]
    assert report["total"]["relations"]["f1"] == pytest.approx(0.8)
    cooperation = report["total"]["relations_by_type"]["cooperation"]
    assert (cooperation["precision"], cooperation["recall"]) == (0.5, 1.0)


def test_evaluate_warns_about_texts_without_gold_and_gold_without_text(tmp_path, session_pipeline):
    texts, gold = tmp_path / "texts", tmp_path / "gold"
    texts.mkdir()
    gold.mkdir()
    shutil.copy(SEEDS / SEED_DOCS[0], texts)
    (texts / "autre.txt").write_text(
        "Le Maroc et la Tunisie ont signé un accord.", encoding="utf-8"
    )
    shutil.copy(GOLD / "000_bd430c8d39cbc0dc.json", gold)
    missing = json.loads((GOLD / "003_fef535b62677a795.json").read_text(encoding="utf-8"))
    (gold / "perdu.json").write_text(json.dumps({**missing, "doc": "perdu.txt"}), encoding="utf-8")
    code, out, err = run(["evaluate", "--gold", str(gold), "--texts", str(texts)])
    assert code == 0
    assert err.splitlines() == [
        f'Warning: {gold / "perdu.json"}: its text "perdu.txt" is not in {texts}; not scored',
        f"Warning: {texts}: autre.txt has no gold file; not scored",
    ]
    assert out.splitlines()[2].startswith(SEED_DOCS[0] + "  ")
    assert out.splitlines()[5].startswith("1 document(s): ")


def test_evaluate_rejects_a_malformed_gold_file(tmp_path, results_file):
    (tmp_path / "bad.json").write_text('{"doc": "a.txt", "entities": [}', encoding="utf-8")
    code, out, err = run(["evaluate", "--gold", str(tmp_path), "--results", str(results_file)])
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"Error: {tmp_path / 'bad.json'}: invalid JSON at line 1, column 31 (Expecting value)"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a.txt"}\n{"id": \n', "{path}, line 2: invalid JSON (Expecting value)"),
        ('{"entities": []}\n', '{path}, line 1: not a result record (no string "id")'),
        (
            '{"id": "000_bd430c8d39cbc0dc.txt", "entities": [{"id": "x"}]}\n',
            '{path}: the record of "000_bd430c8d39cbc0dc.txt" lacks the key "type"',
        ),
    ],
)
def test_evaluate_rejects_a_malformed_results_file(tmp_path, content, message):
    path = tmp_path / "results.jsonl"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(["evaluate", "--gold", str(GOLD), "--results", str(path)])
    assert code == 1
    assert err.splitlines()[-1] == "Error: " + message.format(path=path)


def test_evaluate_fails_when_no_gold_file_has_its_text(tmp_path):
    path = tmp_path / "results.jsonl"
    path.write_text(result_line("autre.txt", []) + "\n", encoding="utf-8")
    code, _, err = run(["evaluate", "--gold", str(GOLD), "--results", str(path)])
    assert code == 1
    assert err.splitlines()[-1] == (
        f"Error: no gold file in {GOLD} annotates a document of {path}; "
        "a gold file's \"doc\" must be the text's file name"
    )


def test_evaluate_fails_on_missing_folders(tmp_path):
    code, _, err = run(["evaluate", "--gold", str(tmp_path / "none"), "--texts", str(SEEDS)])
    assert (code, err) == (1, f"Error: {tmp_path / 'none'}: not a folder of gold files\n")
    code, _, err = run(["evaluate", "--gold", str(GOLD), "--texts", str(tmp_path / "none")])
    assert (code, err) == (
        1,
        f"Error: --texts {tmp_path / 'none'}: no such file or folder; give the annotated texts\n",
    )


def test_evaluate_takes_texts_or_results_not_both(tmp_path, capsys):
    code = main(["evaluate", "--gold", str(GOLD), "--texts", str(SEEDS), "--results", "r.jsonl"])
    assert code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_evaluate_reports_an_unreadable_text_as_missing(tmp_path):
    (tmp_path / SEED_DOCS[0]).write_text("", encoding="utf-8")
    code, out, err = run(["evaluate", "--gold", str(GOLD), "--texts", str(tmp_path)])
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert "1 of 1 inputs skipped:" in lines
    assert (
        f'Warning: {GOLD / SEED_DOCS[0].replace(".txt", ".json")}: its text "{SEED_DOCS[0]}" '
        f"is not in {tmp_path}; not scored"
    ) in lines
    assert lines[-1].startswith(f"Error: no gold file in {GOLD} annotates a document of {tmp_path}")


def test_evaluate_and_build_read_a_cut_results_file_alike(tmp_path, results_file, caplog):
    """One reader: a last line cut by a crash is reported and skipped by both commands."""
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(results_file.read_bytes() + b'{"id": "x.txt", "entit')
    warning = f"{cut}: line 3 was cut short by an earlier crash; it is ignored"
    code, out, _ = run(["evaluate", "--gold", str(GOLD), "--results", str(cut)])
    assert (code, caplog.messages) == (0, [warning])
    assert out.splitlines()[-7].startswith("1 document(s): ")
    caplog.clear()
    code, _, _ = run(["build", str(cut), "-o", str(tmp_path / "g.graphml")])
    assert (code, caplog.messages) == (0, [warning])
