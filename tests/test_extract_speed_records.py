"""Speed-ups around the model change nothing in what comes out.

The tokenizer's primed cache cuts text exactly as a cold tokenizer does, and the
field-by-field `DocumentResult.to_dict` gives what `dataclasses.asdict` gave.
"""

from __future__ import annotations

from dataclasses import asdict

import spacy

from extract.engine.documents import doc_result, prime_tokenizer
from extract.records import Document

TEXTS = [
    "Le ministre marocain de l’Intérieur, M. Abdelouafi Laftit, a reçu l’ambassadeur "
    "d’Espagne à Rabat, lundi 3 juin 2024.",
    "Selon l’AFP, la DGSN (Direction générale de la sûreté nationale) coopère avec "
    "le FBI... « C’est historique », a-t-il dit.\n\nL’Algérie s’y oppose-t-elle ?",
    "Les États-Unis, l’Union européenne et l’OTAN ont condamné l’attaque d’aujourd’hui.",
]


def cuts(nlp, texts):
    """Return the tokens and their spacing of each text, tokenized inside a memory zone."""
    with nlp.memory_zone():
        return [[(t.text, t.whitespace_, t.norm_) for t in nlp.tokenizer(text)] for text in texts]


def test_a_primed_tokenizer_cuts_text_as_a_cold_one():
    cold, primed = spacy.blank("fr"), spacy.blank("fr")
    prime_tokenizer(primed, TEXTS)
    assert cuts(primed, TEXTS) == cuts(cold, TEXTS)
    assert cuts(primed, [t.upper() for t in TEXTS]) == cuts(cold, [t.upper() for t in TEXTS])


def test_priming_happens_once_and_adds_at_most_the_cache_size_of_words():
    nlp = spacy.blank("fr")
    nlp.tokenizer.max_cache_size = 5
    before = len(nlp.vocab.strings)
    prime_tokenizer(nlp, [f"mot{n} " * (100 - n) for n in range(50)])
    added = len(nlp.vocab.strings) - before
    # The five most frequent chunks (each with its prefix, suffix and shape), no others.
    assert 0 < added <= 5 * 4
    assert all(f"mot{n}" in nlp.vocab.strings for n in range(5))
    assert not any(f"mot{n}" in nlp.vocab.strings for n in range(5, 50))
    prime_tokenizer(nlp, ["autre chose entièrement nouvelle"])
    assert "nouvelle" not in nlp.vocab.strings


def test_to_dict_is_asdict_field_by_field(nlp):
    text = "Le Maroc et le Qatar, représenté par Mohammed Al-Khulaifi, ont signé un accord."
    result = doc_result(nlp(text), Document(id="d1", text=text, date="2024-06-03"))
    assert result.entities and result.relations and result.mentions
    expected = asdict(result)
    for entity in expected["entities"]:
        entity["aliases"] = list(entity["aliases"])
    record = result.to_dict()
    assert record == expected
    assert list(record) == list(expected)
    assert [list(e) for e in record["entities"]] == [list(e) for e in expected["entities"]]
    assert [list(r) for r in record["relations"]] == [list(r) for r in expected["relations"]]


def test_the_pipeline_runs_the_ner_before_the_parser_and_no_tagger(nlp):
    assert nlp.pipe_names == [
        "coopgraph_layout",
        "coopgraph_sentence_bounds",
        "tok2vec",
        "ner",
        "parser",
        "coopgraph_parse_repair",
        "coopgraph_countries",
        "coopgraph_organisations",
        "coopgraph_entities",
        "coopgraph_periphrases",
        "coopgraph_relations",
    ]
    assert nlp.disabled == []
    # A name the full pipeline's parser cuts in two stays whole when the NER runs first.
    # (The stock pipeline gives three sentences and one LOC "Khalifa Al-Khalifa" here.)
    doc = nlp("Le ministre bahreïni Abdallah Ben Khalifa Al-Khalifa a rencontré son homologue.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Abdallah Ben Khalifa Al-Khalifa", "PER")]
