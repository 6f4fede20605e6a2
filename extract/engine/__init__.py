"""Run the pipeline over many documents: one group through the model, and the engines.

- `documents`: one group of documents through `nlp.pipe` in a memory zone, records out;
- `chunks`: a document too long for the model, cut into pieces and merged back;
- `run`: `extract_documents`, which chooses the engine (this process, `parallel` worker
  processes, or `dask_engine`).
"""

from .documents import BATCH_SIZE, GROUP_SIZE, extract_group
from .run import ENGINES, extract_documents

__all__ = ["BATCH_SIZE", "ENGINES", "GROUP_SIZE", "extract_documents", "extract_group"]
