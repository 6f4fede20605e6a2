"""The Dask engine on a local cluster of two worker processes equals the local engine."""

from __future__ import annotations

import pytest

from extract.cli import main

pytest.importorskip("distributed")

TEXTS = {
    "a.txt": "Le Maroc et le Qatar ont signé un accord de coopération sécuritaire.",
    "b.txt": "La France et l’Algérie ont renforcé leur coopération policière.",
    "c.txt": "Le Sénégal et le Maroc ont signé mardi à Dakar un accord de coopération sur la pêche",
    "d.txt": "La Tunisie et l’Égypte ont conclu un partenariat dans le domaine de l’énergie.",
    "e.txt": "L’Espagne coopère avec le Portugal dans la lutte contre les incendies de forêt.",
}


def test_dask_engine_writes_the_local_engines_results_and_graph(tmp_path, monkeypatch, nlp):
    monkeypatch.setattr("extract.engine.documents.GROUP_SIZE", 2)  # three tasks over two workers
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["extract", str(folder), "-o", str(local), "--jobs", "1"]) == 0
    assert main(["extract", str(folder), "-o", str(dask), "--engine", "dask", "--jobs", "2"]) == 0
    assert dask.read_bytes() == local.read_bytes()
    assert main(["build", str(local), "-o", str(tmp_path / "local.graphml")]) == 0
    assert main(["build", str(dask), "-o", str(tmp_path / "dask.graphml")]) == 0
    assert (tmp_path / "dask.graphml").read_bytes() == (tmp_path / "local.graphml").read_bytes()
    assert b"country:QA" in (tmp_path / "dask.graphml").read_bytes()


def test_a_scheduler_needs_the_dask_engine(tmp_path, capsys):
    assert (
        main(
            [
                "extract",
                str(tmp_path),
                "-o",
                str(tmp_path / "r.jsonl"),
                "--scheduler",
                "tcp://x:8786",
            ]
        )
        == 2  # a usage error
    )
    assert capsys.readouterr().err.strip() == "Error: --scheduler needs --engine dask"


def test_a_missing_dask_says_how_to_install_it(monkeypatch):
    import sys

    from extract.engine.dask_engine import import_distributed

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(RuntimeError, match=r'pip install "cooperation-graph\[dask\]"'):
        import_distributed()
