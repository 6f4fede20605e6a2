"""`coopgraph build` on every input kind: metadata into the graph, bad inputs, exit codes."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from extract.cli import main

ACCORD = "Le Maroc et le Qatar ont signé un accord de coopération sécuritaire."
PAGE = """<html lang="fr"><head><meta charset="utf-8"><title>Accord sécuritaire</title>
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00"></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Accord sécuritaire</h1><p>{text}</p>
<p>Les deux pays veulent aller plus loin dans la lutte contre le terrorisme, selon le ministère.</p>
</article><footer>© 2023 Le Quotidien. Tous droits réservés.</footer></body></html>"""


@pytest.fixture(autouse=True)
def one_pipeline(nlp, monkeypatch):
    """Run every build on the session's pipeline instead of loading the model again."""
    monkeypatch.setattr("extract.pipeline.load_pipeline", lambda: nlp)


@pytest.fixture
def corpus(tmp_path):
    """A folder of good inputs of every kind, and bad ones."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE.format(text=ACCORD), encoding="utf-8")
    (folder / "export.jsonl").write_text(
        json.dumps({"id": "dep-1", "text": ACCORD, "date": "20/11/2023", "url": "https://e.org/1"},
                   ensure_ascii=False)
        + "\n{ pas du JSON\n",
        encoding="utf-8",
    )
    (folder / "tableur.csv").write_bytes(
        f"id;text;date\nt1;{ACCORD} Israël observe.;1er janvier 2022\n".encode("cp1252")
    )
    (folder / "vide.txt").write_bytes(b"")
    (folder / "rapport.txt").write_bytes(b"%PDF-1.7\n")
    (folder / "notes.md").write_text("pas un article")
    return folder


def test_build_reads_every_kind_skips_the_bad_and_exits_3(corpus, tmp_path, capsys):
    out = tmp_path / "g.graphml"
    assert main(["build", str(corpus), "-o", str(out)]) == 3
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("3 document(s), ") and err[0].endswith(f" -> {out}")
    assert err[1:] == [
        "3 of 6 inputs skipped:",
        f"  {corpus / 'export.jsonl'}:2: not valid JSON (Expecting property name enclosed in "
        "double quotes at column 3)",
        f"  {corpus / 'rapport.txt'}: is a PDF document, not text",
        f"  {corpus / 'vide.txt'}: is empty",
        "1 file(s) in folders not read, not articles by their suffix: .md (1)",
    ]
    G = nx.read_graphml(out)
    maroc, edge = G.nodes["country:MA"], G.edges["country:MA", "country:QA"]
    assert (maroc["first_date"], maroc["last_date"]) == ("2022-01-01", "2024-03-05")
    assert (edge["first_date"], edge["last_date"]) == ("2022-01-01", "2024-03-05")
    assert edge["documents"] == "dep-1|page.html|t1"
    assert "Accueil" not in G.nodes and not any("Quotidien" in n for n in G.nodes)


def test_build_strict_stops_at_the_first_bad_input(corpus, tmp_path, capsys):
    out = tmp_path / "g.graphml"
    assert main(["build", str(corpus), "-o", str(out), "--strict"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"Error: {corpus / 'export.jsonl'}:2: not valid JSON (Expecting property name enclosed in "
        "double quotes at column 3) (--strict stops at the first input that cannot be read)"
    ]
    assert not out.exists()


def test_build_with_field_names_format_and_size_options_exits_0(tmp_path, capsys):
    export = tmp_path / "scrape.json"
    export.write_text(json.dumps({"guid": "s1", "corps": ACCORD, "publié": "2024-02-29"},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "g.graphml"
    argv = ["build", str(export), "-o", str(out), "--input-format", "jsonl", "--id-field", "guid",
            "--text-field", "corps", "--date-field", "publié", "--max-size", "10KB"]
    assert main(argv) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("1 document(s), ")
    edge = nx.read_graphml(out).edges["country:MA", "country:QA"]
    assert (edge["documents"], edge["first_date"], edge["last_date"]) == (
        "s1", "2024-02-29", "2024-02-29")


def test_build_with_nothing_readable_exits_1_after_the_summary(tmp_path, capsys):
    big = tmp_path / "gros.txt"
    big.write_bytes(b"x" * 2500)
    assert main(["build", str(big), str(tmp_path / "absent.txt"), "-o", str(tmp_path / "g.graphml"),
                 "--max-size", "1KB"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "2 of 2 inputs skipped:",
        f"  {big}: is too large (2.5 KB; the limit is 1 KB)",
        f"  {tmp_path / 'absent.txt'}: no such file or folder",
        "Error: no input could be read; give .txt, .html, .jsonl or .csv files, or folders that "
        "contain them",
    ]


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--max-size", "beaucoup"], "argument --max-size: size 'beaucoup' is not a positive size"),
        (["--input-format", "pdf"], "argument --input-format: invalid choice: 'pdf'"),
    ],
)
def test_build_bad_input_options_are_usage_errors(tmp_path, capsys, option, message):
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "g.graphml"), *option]) == 2
    assert message in capsys.readouterr().err
