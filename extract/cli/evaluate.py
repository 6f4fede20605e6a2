"""`coopgraph evaluate --gold DIR (--texts DIR | --results FILE)`: score against gold files."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import OptionError, UsageError
from ..inputs.readers import ReadReport, read_documents
from ..inputs.results import read_results
from .common import print_lines, progress

COLUMNS = ("P", "R", "F1")
GROUPS = (("entities", "entities"), ("relations", "relations"), ("typed", "typed relations"))


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Declare `coopgraph evaluate` and its options."""
    evaluate = commands.add_parser(
        "evaluate",
        help="score the extraction against gold annotation files",
        description="Score entities and relations against gold files (see ANNOTATION.md).",
    )
    evaluate.add_argument("--gold", required=True, help="folder of gold files (*.json)")
    source = evaluate.add_mutually_exclusive_group(required=True)
    source.add_argument("--texts", help="the annotated texts (a folder): run the pipeline on them")
    source.add_argument("--results", help="results file (.jsonl, one document record a line)")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.set_defaults(handler=run_evaluate)


def run_evaluate(args: argparse.Namespace) -> int:
    """Handle `coopgraph evaluate`."""
    from graph import build_graph  # here: networkx loads only when it runs
    from graph.evaluate import evaluate_graph, total_score
    from graph.gold import read_gold_dir

    golds = {gold.doc: gold for gold in read_gold_dir(args.gold)}
    if args.texts is not None:
        records, unmatched = text_records(golds, args.texts)
    else:
        records, unmatched = result_records(golds, args.results)
    for message in unmatched:
        print(f"Warning: {message}; not scored", file=sys.stderr)
    source = args.texts if args.texts is not None else args.results
    if not records:
        raise UsageError(
            f"no gold file in {args.gold} annotates a document of {source}; "
            "a gold file's \"doc\" must be the text's file name"
        )
    scores = []
    for doc, record in records:  # records checked by their reader (`read_results`)
        scores.append(evaluate_graph(build_graph([record]), golds[doc], doc=doc))
    total = total_score(scores)
    if args.json:
        totals = {key: value for key, value in total.to_dict().items() if key != "doc"}
        report = {
            "documents": [score.to_dict() for score in scores],
            "total": {"documents": len(scores), **totals},
            "not_scored": unmatched,
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(score_table(scores, total))
    return 0


def matching_id(doc: str, ids: Iterable[str]) -> str | None:
    """Return the id among `ids` a gold `doc` names: the same path, else the one same file name."""
    ids = list(ids)
    if doc in ids:
        return doc
    same_name = [i for i in ids if PurePosixPath(i).name == PurePosixPath(doc).name]
    return same_name[0] if len(same_name) == 1 else None


def pair_ids(
    golds: Mapping[str, Any], ids: Iterable[str], source: str
) -> tuple[dict[str, str], list[str]]:
    """Return gold doc → document id for the documents both sides have, and what is unpaired."""
    ids = list(ids)
    pairs = {doc: found for doc in golds if (found := matching_id(doc, ids)) is not None}
    unmatched = [
        f'{golds[doc].source}: its text "{doc}" is not in {source}'
        for doc in golds
        if doc not in pairs
    ]
    paired = set(pairs.values())
    unmatched += [f"{source}: {i} has no gold file" for i in ids if i not in paired]
    return pairs, unmatched


def text_records(
    golds: Mapping[str, Any], texts: str
) -> tuple[list[tuple[str, dict[str, Any]]], list[str]]:
    """Run the pipeline on the texts that have a gold file; return (doc, record) pairs.

    Every input format `coopgraph build` reads is read; an input that cannot be read is
    reported on stderr and skipped, so its gold file is reported as without a text.
    """
    from ..engine import extract_documents  # here: the model's libraries load only when needed

    if not Path(texts).exists():
        raise OptionError(f"--texts {texts}: no such file or folder; give the annotated texts")
    report = ReadReport()
    documents = {document.id: document for document in read_documents([texts], report=report)}
    print_lines(report.summary())
    pairs, unmatched = pair_ids(golds, documents, texts)
    if not pairs:
        return [], unmatched
    by_id = {doc_id: doc for doc, doc_id in pairs.items()}
    chosen = [documents[doc_id] for doc_id in sorted(by_id)]
    results = extract_documents(None, chosen)
    records = [(by_id[r.id], r.to_dict()) for r in progress(results, total=len(chosen))]
    return records, unmatched


def result_records(
    golds: Mapping[str, Any], results: str
) -> tuple[list[tuple[str, dict[str, Any]]], list[str]]:
    """Read the records of a results file that have a gold file; the last line for an id wins."""
    by_id = {record["id"]: record for record in read_results(results)}
    pairs, unmatched = pair_ids(golds, by_id, results)
    return [(doc, by_id[doc_id]) for doc, doc_id in sorted(pairs.items())], unmatched


def rate(value: float | None) -> str:
    """Return a rate with three decimals, or "-" when it is undefined."""
    return "-" if value is None else f"{value:.3f}"


def score_table(scores: list[Any], total: Any) -> str:
    """Return the per-document table of scores and the micro-averaged total, as text."""
    width = max(len("document"), *(len(score.doc) for score in scores), len("total (micro)"))
    group_width = 6 * len(COLUMNS) - 1
    head = " ".join(f"{title:^{group_width}}" for _, title in GROUPS)
    sub = " ".join(" ".join(f"{c:>5}" for c in COLUMNS) for _ in GROUPS)
    lines = [
        f"{'':<{width}}  {head}  {'splits':>6} {'polarity':>8}",
        f"{'document':<{width}}  {sub}  {'':>6} {'errors':>8}",
    ]
    rows = [*scores, total]
    for score in rows:
        name = "total (micro)" if score is total else score.doc
        cells = " ".join(
            " ".join(
                rate(value)
                for value in (
                    getattr(score, attr).precision,
                    getattr(score, attr).recall,
                    getattr(score, attr).f1,
                )
            )
            for attr, _ in GROUPS
        )
        lines.append(f"{name:<{width}}  {cells}  {score.splits:>6} {score.polarity_errors:>8}")
    lines.insert(-1, "-" * len(lines[0]))
    counts = "; ".join(
        f"{title} {getattr(total, attr).found}/{getattr(total, attr).gold} found, "
        f"{getattr(total, attr).correct}/{getattr(total, attr).predicted} right"
        for attr, title in GROUPS
    )
    lines.append(f"{len(scores)} document(s): {counts}")
    return "\n".join([*lines, "", *type_table(total)])


def type_table(total: Any) -> list[str]:
    """Return the micro-averaged scores of each relation type, as lines of text."""
    width = max(len("relation type"), *(len(t) for t in total.by_type))
    lines = [f"{'relation type':<{width}}  {'P':>5} {'R':>5} {'F1':>5}  {'found':>7} {'right':>7}"]
    for relation_type, score in total.by_type.items():
        rates = " ".join(f"{rate(v):>5}" for v in (score.precision, score.recall, score.f1))
        found = f"{score.found}/{score.gold}"
        right = f"{score.correct}/{score.predicted}"
        lines.append(f"{relation_type:<{width}}  {rates}  {found:>7} {right:>7}")
    return lines
