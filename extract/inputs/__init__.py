"""Read the inputs: articles in every format, and the results file of `coopgraph extract`.

- `readers`: `read_documents`, files and folders in a stable order, one reader per
  format in `READERS` (add an input format there and in `SUFFIX_FORMATS`);
- `text`, `html`, `exports` (JSON Lines and CSV), `dates`: the readers and their helpers;
- `results`: the results file, written as an append-only log, read by `read_results`.

>>> from extract.inputs import Fields, ReadReport, read_documents
"""

from ..errors import InputError
from .exports import Fields
from .readers import DEFAULT_MAX_SIZE, FORMATS, ReadReport, parse_size, read_documents
from .results import ResultsFile, read_results

__all__ = [
    "DEFAULT_MAX_SIZE",
    "FORMATS",
    "Fields",
    "InputError",
    "ReadReport",
    "ResultsFile",
    "parse_size",
    "read_documents",
    "read_results",
]
