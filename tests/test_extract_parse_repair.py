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


# The parser reads some coordinated subjects as the root: « L’Espagne » root, « signé » its
# conjunct with « Portugal » alone as subject.
ROOT_SUBJECTS = [
    ("L’Espagne et le Portugal ont signé un accord de coopération sécuritaire.", "ES", "PT"),
    ("L’Égypte et la Jordanie ont signé un accord de coopération sécuritaire.", "EG", "JO"),
    ("L’Espagne, pays voisin, et le Portugal ont signé un accord.", "ES", "PT"),
]


@pytest.mark.parametrize(("text", "first", "second"), ROOT_SUBJECTS)
def test_a_coordinated_subject_read_as_root_signs_with_the_other(nlp, text, first, second):
    doc = nlp(text)
    pairs = {(r.source, r.target, r.type) for r in doc._.coopgraph_relations}
    assert pairs == {(f"country:{first}", f"country:{second}", "cooperation")}


def hand_parse(words, heads, deps):
    from spacy.lang.fr import French
    from spacy.tokens import Doc

    return Doc(French().vocab, words=words, heads=heads, deps=deps)


def test_the_verb_becomes_the_root_and_the_names_its_coordinated_subjects():
    from extract.relations.parse_repair import coordinated_subject_as_root

    doc = hand_parse(
        ["L’", "Espagne", "et", "le", "Portugal", "ont", "signé", "un", "accord", "."],
        [1, 1, 6, 4, 6, 6, 1, 8, 6, 1],
        ["det", "ROOT", "cc", "det", "nsubj", "aux:tense", "conj", "det", "obj", "punct"],
    )
    assert coordinated_subject_as_root(doc[:])
    assert parse(doc) == [
        (1, "det"), (6, "nsubj"), (4, "cc"), (4, "det"), (1, "conj"),
        (6, "aux:tense"), (6, "ROOT"), (8, "det"), (6, "obj"), (6, "punct"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("words", "heads", "deps"),
    [
        # the root noun has an object: it is read as a verb, not a misread subject
        (["Rabat", "vise", "Alger", "et", "Tunis", "a", "répondu", "."],
         [1, 1, 1, 6, 6, 6, 1, 1],
         ["nsubj", "ROOT", "obj", "cc", "nsubj", "aux:tense", "conj", "punct"]),
        # no « et » or « ou » joins the root to the verb's subject
        (["Madrid", ",", "Lisbonne", "a", "signé", "."],
         [0, 0, 4, 4, 0, 0],
         ["ROOT", "punct", "nsubj", "aux:tense", "conj", "punct"]),
    ],
)  # fmt: skip
def test_a_root_that_is_no_misread_subject_is_left_alone(words, heads, deps):
    from extract.relations.parse_repair import coordinated_subject_as_root

    doc = hand_parse(words, heads, deps)
    before = parse(doc)
    assert not coordinated_subject_as_root(doc[:])
    assert parse(doc) == before
