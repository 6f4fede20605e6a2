"""One group of documents through the model: Docs in a memory zone, plain records out.

Documents are processed in groups of `GROUP_SIZE`: each group goes through `nlp.pipe`
inside `nlp.memory_zone()`, and only plain records (`DocumentResult`) leave the zone, so
the string store does not grow with the corpus. The same groups are the tasks of the
local engine, of worker processes (`parallel`) and of Dask workers (`dask_engine`), so
every engine runs the model on exactly the same batches and gives the same results.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from ..blas import one_blas_thread
from ..records import Document, DocumentResult
from .chunks import MAX_CHARS, Piece, merge_pieces, split_text

if TYPE_CHECKING:  # spaCy loads only where the model runs, not in a parent of workers
    from spacy.language import Language
    from spacy.tokens import Doc

BATCH_SIZE = 32  # beats spaCy's default of 256 on speed, at half the memory
# Documents per memory zone and per worker task: a multiple of BATCH_SIZE, so that the
# batches the model sees do not depend on the engine or the number of jobs. Each zone
# exit drops the words it added, which the next zone looks up again: 64 documents per
# zone cost 5-9% of run time against 384 (side by side, one process); 256 keeps
# worker tasks small enough to share a corpus of a few thousand documents evenly.
GROUP_SIZE = 8 * BATCH_SIZE
# A lone surrogate (possible in a Python string, never in decoded text) crashes the
# tokenizer; it becomes U+FFFD, one character for one, so offsets stay right.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# The tokenizer caches how it cut each chunk between spaces, but never inside a memory
# zone, so without a warm cache every zone cuts every chunk afresh (about 5% of a run).
# Pipelines whose cache `prime_tokenizer` has filled; a longer chunk is not worth a place.
_PRIMED: weakref.WeakSet = weakref.WeakSet()
LONGEST_PRIMED_CHUNK = 40


def model_text(text: str) -> str:
    """Return `text` as the model may read it: lone surrogates replaced by U+FFFD."""
    return LONE_SURROGATE.sub("\ufffd", text)


def as_documents(texts: Iterable[str | Document]) -> Iterator[Document]:
    """Wrap plain strings as documents with ids `doc-0001`, `doc-0002`, ..."""
    for number, item in enumerate(texts, start=1):
        yield item if isinstance(item, Document) else Document(id=f"doc-{number:04d}", text=item)


def doc_result(doc: Doc, document: Document) -> DocumentResult:
    """Return the plain record of one processed Doc."""
    return DocumentResult(
        id=document.id,
        mentions=list(doc._.coopgraph_mentions or []),
        entities=list(doc._.coopgraph_entities or []),
        relations=list(doc._.coopgraph_relations or []),
        title=document.title,
        date=document.date,
        url=document.url,
        sha1=document.sha1,
    )


def sentence_count(doc: Doc) -> int:
    """Return the number of sentences of `doc` (1 when it has no sentence boundaries)."""
    return sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 1


def prime_tokenizer(nlp: Language, texts: Iterable[str]) -> None:
    """Fill the tokenizer's cache with the most frequent chunks of `texts`, once per pipeline.

    It runs outside any memory zone, so at most the cache's size of chunks (10,000 in
    spaCy 3.8) become permanent words: a fixed amount, whatever the corpus size.
    Tokenization is the same with or without the cache; only its speed changes.
    """
    room = getattr(nlp.tokenizer, "max_cache_size", 0)
    if not room or nlp in _PRIMED:
        return
    _PRIMED.add(nlp)
    counts = Counter(
        chunk for text in texts for chunk in text.split() if len(chunk) <= LONGEST_PRIMED_CHUNK
    )
    nlp.tokenizer(" ".join(chunk for chunk, _ in counts.most_common(room)))


def groups(documents: Iterable[Document], size: int = GROUP_SIZE) -> Iterator[list[Document]]:
    """Yield lists of `size` consecutive documents (the last one may be shorter)."""
    iterator = iter(documents)
    while group := list(islice(iterator, size)):
        yield group


def extract_group(
    nlp: Language,
    documents: Sequence[Document],
    *,
    batch_size: int = BATCH_SIZE,
    max_chars: int = MAX_CHARS,
) -> list[DocumentResult]:
    """Return the results of `documents`, in order, processed inside one memory zone.

    The model runs on one BLAS thread, so that a process uses one core (see `extract.blas`).

    A document longer than `max_chars` (or than `nlp.max_length`) is processed in pieces
    cut on paragraph boundaries (see `extract.engine.chunks`).
    """
    limit = min(max_chars, nlp.max_length)
    prime_tokenizer(nlp, (model_text(document.text) for document in documents))
    pieces: list[list[Piece]] = [[] for _ in documents]
    tasks = (
        (model_text(document.text[start:end]), (number, start))
        for number, document in enumerate(documents)
        for start, end in split_text(document.text, max_chars=limit)
    )
    with one_blas_thread(), nlp.memory_zone():
        for doc, (number, start) in nlp.pipe(tasks, as_tuples=True, batch_size=batch_size):
            result = doc_result(doc, documents[number])
            pieces[number].append(Piece(offset=start, sentences=sentence_count(doc), result=result))
    resolver = nlp.get_pipe("coopgraph_entities")
    return [merge_pieces(resolver, parts) for parts in pieces]
