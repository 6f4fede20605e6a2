"""Parse repair: the subject the parser hangs on a fronted "Selon X," phrase."""

from __future__ import annotations

import pytest

REPAIRED = [
    # (text, the subject's word, the conjunct's word or None)
    ("Selon Reuters, le Maroc et Israël ont signé un accord.", "Maroc", "Israël"),
    ("Selon l’agence Reuters, le Maroc et Israël ont signé un accord.", "Maroc", "Israël"),
    ("Selon des sources diplomatiques, le Qatar et l’Égypte coopèrent.", "Qatar", "Égypte"),
]
UNTOUCHED = [
    "Selon Reuters, Israël a bombardé le Liban.",
    "Selon l’AFP, la Turquie a livré des drones au Niger.",
    "Le Maroc, selon Reuters, a signé un accord avec Israël.",
    "Le Maroc et Israël ont signé un accord.",
    # an apposition after the comma is one: the source's own post
    "Selon Abdellatif Hammouchi, le chef de la DGSN, le Maroc coopère avec le Qatar.",
    # no source opens the sentence: a clause, not an attribution
    "Après qu’Abdellatif Hammouchi, le chef de la DGSN, a effectué une visite au Qatar.",
]


def parse(doc):
    return [(t.head.i, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def unrepaired(nlp):
    """Parse a text without the repair, as the parser left it."""

    def run(text):
        with nlp.select_pipes(disable=["coopgraph_parse_repair"]):
            return nlp(text)

    return run


@pytest.mark.parametrize(("text", "subject", "conjunct"), REPAIRED)
def test_the_phrase_after_the_comma_becomes_the_subject(nlp, unrepaired, text, subject, conjunct):
    doc, before = nlp(text), unrepaired(text)
    root = next(t for t in doc if t.dep_ == "ROOT")
    [word] = [t for t in doc if t.text == subject]
    assert (word.head.i, word.dep_) == (root.i, "nsubj")
    other = next(t for t in doc if t.text == conjunct)
    assert (other.head.i, other.dep_) == (word.i, "conj")
    changed = {i for i, (a, b) in enumerate(zip(parse(doc), parse(before), strict=True)) if a != b}
    assert changed <= {word.i, other.i} and word.i in changed
    assert [s.start for s in doc.sents] == [s.start for s in before.sents]


@pytest.mark.parametrize("text", UNTOUCHED)
def test_a_sentence_with_its_subject_is_left_alone(nlp, unrepaired, text):
    assert parse(nlp(text)) == parse(unrepaired(text))


def test_the_repaired_subject_states_its_relation(nlp):
    doc = nlp(
        "Selon Reuters, le Maroc et Israël ont signé un accord.\n"
        "Selon des sources diplomatiques, le Qatar et l’Égypte coopèrent.\n"
    )
    assert [(r.source, r.target, r.type) for r in doc._.coopgraph_relations] == [
        ("country:IL", "country:MA", "cooperation"),
        ("country:EG", "country:QA", "cooperation"),
    ]
    assert len(list(doc.sents)) == 2


def test_a_source_after_another_paragraph_is_repaired_too(nlp):
    # The parser hangs "le Maroc" on "D’" here only after the first line.
    doc = nlp(
        "Selon Al Jazeera, le Qatar a proposé sa médiation entre Israël et le Hamas.\n"
        "D’après Reuters, le Maroc et Israël ont signé un accord.\n"
    )
    assert [(r.source, r.target, r.type) for r in doc._.coopgraph_relations] == [
        ("country:IL", "country:MA", "cooperation")
    ]
