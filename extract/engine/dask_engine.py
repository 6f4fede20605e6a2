"""The Dask engine: the same groups of documents, processed by the workers of a Dask cluster.

Each task is one group of documents (`documents.GROUP_SIZE`) and returns plain
records; the pipeline is loaded once per worker process, on its first task, and kept in
a module-level cache (`shared_pipeline`), so it is never pickled into a task. No spaCy
multiprocessing runs inside a worker. Entity ids are canonical, so the results of the
groups merge without any global pass, and they equal the local engine's.

Run workers with one thread each (`dask worker ADDRESS --nthreads 1`): a pipeline is not
safe to share between threads, so tasks in one process take turns.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from ..errors import MissingDependencyError
from ..records import Document, DocumentResult
from .chunks import MAX_CHARS
from .documents import BATCH_SIZE, GROUP_SIZE, as_documents, extract_group, groups
from .parallel import ordered_map

log = logging.getLogger(__name__)

INSTALL_HINT = (
    "the Dask engine needs dask[distributed]; install it with: "
    'pip install "cooperation-graph[dask]"'
)
_LOCK = threading.Lock()  # one group at a time per worker process


def import_distributed() -> Any:
    """Return the `distributed` module, or raise an error that says how to install it."""
    try:
        import distributed
    except ImportError as e:
        raise MissingDependencyError(INSTALL_HINT) from e
    return distributed


def process_group(
    documents: list[Document], model: str, batch_size: int, max_chars: int
) -> list[DocumentResult]:
    """Return the results of one group of documents (runs on a Dask worker)."""
    from ..pipeline import shared_pipeline  # here: spaCy loads only where the model runs

    with _LOCK:
        return extract_group(
            shared_pipeline(model), documents, batch_size=batch_size, max_chars=max_chars
        )


def connect(scheduler: str | None, *, workers: int) -> tuple[Any, Any]:
    """Return (client, cluster we started or None) for `scheduler`, or for a new local cluster."""
    distributed = import_distributed()
    if scheduler:
        return distributed.Client(scheduler), None
    cluster = distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    return distributed.Client(cluster), cluster


def extract_documents_dask(
    texts: Iterable[str | Document],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    model: str | None = None,
    batch_size: int = BATCH_SIZE,
    group_size: int = GROUP_SIZE,
    max_chars: int = MAX_CHARS,
) -> Iterator[DocumentResult]:
    """Yield one `DocumentResult` per input, in order, computed on a Dask cluster.

    With no `scheduler` address, a local cluster of `workers` processes (one thread each)
    is started and closed at the end.
    """
    from ..pipeline import MODEL

    client, cluster = connect(scheduler, workers=workers)
    try:
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})))
        chunked = groups(as_documents(texts), group_size)
        args = (model or MODEL, batch_size, max_chars)
        for results in ordered_map(
            partial(client.submit, pure=False), process_group, chunked, *args, window=window
        ):
            yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
