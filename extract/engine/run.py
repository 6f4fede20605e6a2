"""Choose the engine: this process, `jobs` worker processes, or the workers of a Dask cluster.

`extract_documents` is what the command line runs; every engine processes the same
groups of documents (`documents.GROUP_SIZE`) and gives the same results, in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from ..errors import OptionError
from ..records import Document, DocumentResult
from . import documents
from .chunks import MAX_CHARS
from .dask_engine import extract_documents_dask
from .parallel import extract_parallel, pipeline_name

if TYPE_CHECKING:  # spaCy loads only where the model runs, not in a parent of workers
    from spacy.language import Language

ENGINES = ("local", "dask")


def extract_documents(
    nlp: Language | None,
    texts: Iterable[str | Document],
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    batch_size: int = documents.BATCH_SIZE,
    group_size: int | None = None,
    max_chars: int = MAX_CHARS,
) -> Iterator[DocumentResult]:
    """Run the pipeline over `texts` lazily and return one `DocumentResult` per input, in order.

    `nlp` is the pipeline (None: `shared_pipeline()`, loaded when first needed). `engine`
    is where the model runs:

    - `"local"`: in this process, or with `jobs` > 1 in that many worker processes that
      each load the pipeline once and process groups of `group_size` documents (default
      `documents.GROUP_SIZE`); input that fits in one group stays in this process, which
      is faster than starting workers;
    - `"dask"`: on the workers of the Dask cluster at `scheduler`, or of a local cluster
      of `jobs` processes started for the run (needs `pip install "cooperation-graph[dask]"`).

    Worker processes rebuild the pipeline by name, so with `jobs` > 1 or Dask, `nlp` must
    be None or come from `load_pipeline`. Bad arguments raise `OptionError` at once.

    >>> texts = ["Le Maroc et le Qatar coopèrent.", "L’Algérie menace le Maroc."]
    >>> [r.id for r in extract_documents(None, texts, jobs=2)]  # one group: no workers
    ['doc-0001', 'doc-0002']
    """
    if jobs < 1:
        raise OptionError(f"jobs must be at least 1, not {jobs}")
    if engine not in ENGINES:
        raise OptionError(f"engine {engine!r} is unknown; use one of: {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise OptionError("a scheduler needs engine='dask'")
    # Read at call time, not bound as a default: tests make it small to start workers.
    size = documents.GROUP_SIZE if group_size is None else group_size
    if engine == "dask":
        return extract_documents_dask(
            texts,
            scheduler=scheduler,
            workers=jobs,
            model=pipeline_name(nlp),
            batch_size=batch_size,
            group_size=size,
            max_chars=max_chars,
        )
    return extract_local(
        nlp, texts, jobs=jobs, batch_size=batch_size, group_size=size, max_chars=max_chars
    )


def extract_local(
    nlp: Language | None,
    texts: Iterable[str | Document],
    *,
    jobs: int,
    batch_size: int,
    group_size: int,
    max_chars: int,
) -> Iterator[DocumentResult]:
    """Yield the results of `texts` from this process, or from `jobs` worker processes."""
    chunked = documents.groups(documents.as_documents(texts), group_size)
    first = list(islice(chunked, 2))
    rest = (group for part in (first, chunked) for group in part)
    if jobs > 1 and len(first) > 1:
        for results in extract_parallel(
            rest, jobs=jobs, model=pipeline_name(nlp), batch_size=batch_size, max_chars=max_chars
        ):
            yield from results
        return
    if nlp is None:
        from ..pipeline import shared_pipeline  # here: spaCy loads only when a model runs

        nlp = shared_pipeline()
    for group in rest:
        yield from documents.extract_group(nlp, group, batch_size=batch_size, max_chars=max_chars)
