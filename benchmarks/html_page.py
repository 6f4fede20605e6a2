"""Time the interactive page: writing it, opening it in headless Chromium, answering a click.

    python benchmarks/html_page.py                  # both measurements below (~10 minutes)
    python benchmarks/html_page.py --quick          # 200 documents, to check the script
    python benchmarks/html_page.py --screenshot seeds/page.png   # the README's picture

1. `coopgraph build` on the benchmark's main corpus (2,000 articles made of the seed
   articles' and the tests' sentences, `benchmarks/run.py`), written as `.html` from the
   results file of `coopgraph extract` (timed: the build, not the extraction).
2. A graph of 2,000 documents from generated records (no spaCy): 2,600 names, most
   mentioned first, so the page draws the default cap of 2,000 nodes and says how many
   it left out; every document has a date, a title and a url. Then the same with
   `max_nodes=500`.

Each page is opened in a fresh headless Chromium (system package, driven by Selenium as in
the tests): "open" is the time from navigation start until Bokeh has drawn the page
(`performance.now()` when the document is idle), "click" the time from a mouse click on
the most mentioned node (then on the heaviest edge) until the side panel shows it, as
Selenium sees it (its own round trips included). Best of four, the pages interleaved.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

import browser  # noqa: E402  (tests/browser.py: the tests' Chromium helpers)
import networkx as nx  # noqa: E402

from graph import build_graph, statement_rows, write_graph  # noqa: E402
from graph.html import kept_nodes  # noqa: E402

SEED = 20261130
TYPES = ("person", "organization", "country")


def generated_records(documents: int, names: int) -> list[dict]:
    """Return `documents` records naming `names` entities, a few often and most rarely."""
    rng = random.Random(SEED)
    pool = [
        {
            "id": f"{TYPES[i % 3]}:name-{i}",
            "label": f"{('Personne', 'Organisation', 'Pays')[i % 3]} {i}",
            "type": TYPES[i % 3],
        }
        for i in range(names)
    ]
    weights = [1 / (rank + 1) ** 0.8 for rank in range(names)]
    records = []
    for number in range(documents):
        day = 1 + number % 28
        chosen = {e["id"]: e for e in rng.choices(pool, weights, k=6)}.values()
        entities = [{**e, "aliases": [e["label"]], "mentions": rng.randint(1, 4)} for e in chosen]
        relations, offset = [], 0
        for _ in range(4):
            a, b = rng.sample(entities, 2) if len(entities) > 1 else (entities[0],) * 2
            kind = rng.choice(("cooperation", "cooperation", "opposition", "affiliation"))
            sentence = f"{a['label']} et {b['label']} : {kind} annoncée le {day} (n° {number})."
            relations.append(
                {"source": a["id"], "target": b["id"], "type": kind, "sentence": sentence,
                 "start_char": offset, "end_char": offset + len(sentence),
                 "hedged": rng.random() < 0.1}
            )  # fmt: skip
            offset += len(sentence) + 1
        records.append(
            {"id": f"doc-{number:05d}", "title": f"Article {number}",
             "date": f"{2023 + number % 2}-{1 + number % 12:02d}-{day:02d}",
             "url": f"https://example.org/articles/{number}", "entities": entities,
             "relations": relations}
        )  # fmt: skip
    return records


def measure_page(
    path: Path, G: nx.Graph, *, repeats: int = 3, max_nodes: int = 2000
) -> dict[str, float]:
    """Open the page `repeats` times in a fresh Chromium; return the best times in seconds."""
    drawn = kept_nodes(G, max_nodes)
    top = G.nodes[drawn[0]]["label"]
    H = G.subgraph(drawn)
    a, b = max(H.edges, key=lambda e: (H.edges[e].get("weight", 0), e))
    edge = (H.nodes[a]["label"], H.nodes[b]["label"])
    best = {"open": float("inf"), "click node": float("inf"), "click edge": float("inf")}
    for _ in range(repeats):
        driver = browser.start_chromium()
        try:
            best["open"] = min(best["open"], browser.open_page(driver, path.as_uri()) / 1000)
            outside = [u for u in browser.requests_made(driver)
                       if not u.startswith(browser.LOCAL_SCHEMES)]  # fmt: skip
            assert not outside, f"the page made requests: {outside}"
            for name, where in (
                ("click node", browser.node_at(driver, top)),
                ("click edge", browser.middle(driver, *edge)),
            ):
                before = browser.text_of(driver, "details")
                start = time.perf_counter()
                browser.click_at(driver, *where)
                while browser.text_of(driver, "details") == before:
                    assert time.perf_counter() - start < 30, f"no answer to the {name}"
                best[name] = min(best[name], time.perf_counter() - start)
        finally:
            driver.quit()
    return best


def report(name: str, G: nx.Graph, page: Path, write: float, statements: int, times: dict,
           max_nodes: int) -> str:  # fmt: skip
    """Return one Markdown table row."""
    H = G.subgraph(kept_nodes(G, max_nodes))
    return (
        f"| {name} | {H.number_of_nodes():,} of {G.number_of_nodes():,} | "
        f"{H.number_of_edges():,} | {statements:,} | {page.stat().st_size / 1e6:.1f} | "
        f"{write:.0f} | {times['open']:.2f} | {times['click node']:.2f} | "
        f"{times['click edge']:.2f} |"
    )


def screenshot(out: Path) -> None:
    """Write the seeds page, click the Maroc–Qatar edge, and save what the window shows."""
    from extract import extract_documents, load_pipeline
    from extract.inputs import read_documents

    records = [
        r.to_dict() for r in extract_documents(load_pipeline(), read_documents([ROOT / "seeds"]))
    ]
    G = build_graph(records)
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "seeds.html"
        write_graph(G, page, statements=statement_rows(records), title="The two seed articles")
        driver = browser.start_chromium(width=1420, height=920)
        try:
            browser.open_page(driver, page.as_uri())
            browser.click_at(driver, *browser.middle(driver, "Maroc", "Qatar"))
            time.sleep(0.5)
            driver.save_screenshot(str(out))
        finally:
            driver.quit()


def main(argv: list[str] | None = None) -> int:
    """Run the measurements and print the Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 documents")
    parser.add_argument("--screenshot", type=Path, help="save the seeds page after a click")
    args = parser.parse_args(argv)
    if args.screenshot:
        screenshot(args.screenshot)
        return 0
    documents = 200 if args.quick else 2000
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        from run import make_corpus  # benchmarks/run.py: the benchmark's main corpus

        make_corpus(work / "corpus", documents)
        results = work / "results.jsonl"
        subprocess.run(["coopgraph", "extract", str(work / "corpus"), "-o", str(results)],
                       check=True, capture_output=True)  # fmt: skip
        start = time.perf_counter()
        subprocess.run(["coopgraph", "build", str(results), "-o", str(work / "corpus.html")],
                       check=True, capture_output=True)  # fmt: skip
        corpus_write = time.perf_counter() - start
        with open(results, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh]
        pages = [(f"`coopgraph build`, {documents:,} articles (benchmark corpus)",
                  build_graph(records), work / "corpus.html", corpus_write,
                  len(statement_rows(records)), 2000)]  # fmt: skip
        generated = generated_records(documents, int(documents * 1.3))
        G, rows = build_graph(generated), statement_rows(generated)
        for cap, name in ((2000, f"generated records, {documents:,} documents"),
                          (500, "the same, `--max-nodes 500`")):  # fmt: skip
            page = work / f"generated-{cap}.html"
            start = time.perf_counter()
            write_graph(G, page, statements=rows, max_nodes=cap)
            pages.append((name, G, page, time.perf_counter() - start, len(rows), cap))
        best: dict[Path, dict[str, float]] = {}
        for _ in range(2):  # interleaved, so a busy moment does not fall on one page only
            for _, G, page, _, _, cap in pages:
                times = measure_page(page, G, repeats=2, max_nodes=cap)
                old = best.setdefault(page, times)
                best[page] = {key: min(value, old[key]) for key, value in times.items()}
        print("| page | nodes drawn | edges drawn | statements in the graph | size (MB) "
              "| written in (s) | open (s) | click a node (s) | click an edge (s) |")  # fmt: skip
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, G, page, write, count, cap in pages:
            print(report(name, G, page, write, count, best[page], cap))
    return 0


if __name__ == "__main__":
    sys.exit(main())
