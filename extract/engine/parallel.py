"""Worker processes that each load the pipeline once and return plain records.

spaCy's own `n_process` sends every `Doc` back to the parent, which spends one core
deserialising them (1.4-1.65x on two cores). Here a worker runs `nlp.pipe` on a group of
documents and returns only `DocumentResult` records, a few kilobytes each, so the parent
does almost nothing. Workers are started with the 'spawn' method: a fresh interpreter
is the safe way to run spaCy (no forked model or thread state), and the model is loaded
in the worker's initializer, never pickled.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from ..errors import OptionError
from ..records import Document, DocumentResult
from .documents import extract_group

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

_MODEL = ""  # the pipeline name of this worker process, set by `start_worker`


def pipeline_name(nlp: Any) -> str:
    """Return the model name workers rebuild `nlp` from (`load_pipeline(name)`)."""
    from ..pipeline import MODEL, PIPELINE_META  # here: spaCy loads only when a model runs

    if nlp is None:
        return MODEL
    name = nlp.meta.get(PIPELINE_META)
    if not name:
        raise OptionError(
            "jobs > 1 (or engine='dask') needs nlp=None or a pipeline from "
            "extract.load_pipeline(); "
            "worker processes cannot rebuild a pipeline of your own"
        )
    return name


def start_worker(model: str) -> None:
    """Load the pipeline once in a worker process; leave Ctrl-C to the parent."""
    global _MODEL
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from ..pipeline import shared_pipeline

    shared_pipeline(model)
    _MODEL = model


def process_group(
    documents: list[Document], batch_size: int, max_chars: int
) -> list[DocumentResult]:
    """Return the results of one group of documents (runs in a worker)."""
    from ..pipeline import shared_pipeline

    return extract_group(
        shared_pipeline(_MODEL), documents, batch_size=batch_size, max_chars=max_chars
    )


def ordered_map(
    submit: Callable[..., Future[R]],
    function: Callable[..., R],
    items: Iterable[T],
    *args: Any,
    window: int,
) -> Iterator[R]:
    """Yield `function(item, *args)` for each item, in order, with at most `window` in flight.

    `submit` is an executor's (or a Dask client's) `submit`. Bounding the tasks in flight
    keeps memory flat: inputs are read only as fast as results come back.
    """
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(submit(function, item, *args))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def extract_parallel(
    groups: Iterable[list[Document]],
    *,
    jobs: int,
    model: str,
    batch_size: int,
    max_chars: int,
) -> Iterator[list[DocumentResult]]:
    """Yield the results of each group of documents, in order, from `jobs` worker processes."""
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=start_worker, initargs=(model,)
    )
    log.debug("started %d worker processes", jobs)
    try:
        yield from ordered_map(
            pool.submit, process_group, groups, batch_size, max_chars, window=2 * jobs
        )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
