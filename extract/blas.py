"""Matrix products: numpy's BLAS instead of thinc's default BLIS, one thread per process.

thinc multiplies matrices with the BLIS build that spaCy installs unless told otherwise.
On our machines (AMD EPYC, 2 cores) the OpenBLAS that numpy ships with does the model's
products about 2.8 times faster on one thread (a 12,800 x 288 by 288 x 288 product of the
tok2vec: 20 ms against 56 ms). Per 400 benchmark documents, one thread: tok2vec 7.2 s ->
3.5 s, NER 8.9 s -> 5.4 s, parser 3.6 s -> 3.2 s, with the same entities and parses on
all 400 (and in `tests/test_extract_blas.py`).

One thread per process, because `--jobs N` promises N cores: worker processes that each
started a BLAS thread per core would fight over the same cores.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from thinc.api import use_ops
from threadpoolctl import threadpool_limits


def numpy_blas() -> AbstractContextManager:
    """Return a context in which new thinc models multiply with numpy's BLAS.

    A model keeps the ops it was built with, so load the pipeline inside it.
    """
    return use_ops("numpy", use_blis=False)


def one_blas_thread() -> AbstractContextManager:
    """Return a context in which the BLAS libraries of this process use one thread."""
    return threadpool_limits(limits=1, user_api="blas")
