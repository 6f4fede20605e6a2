"""The cached sentence view answers for words outside its sentence too.

The parser sometimes starts a sentence inside a name ("Abdallah Ben | Khalifa
Al-Khalifa"); a mention then spans two sentences, and the relation walks ask the
sentence view about a word of the other one.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from extract.relations.parse import DocWords, SentenceParse


def two_sentences() -> Doc:
    words = ["Abdallah", "Ben", "Khalifa", "Al-Khalifa", "coopère", "."]
    return Doc(
        spacy.blank("fr").vocab,
        words=words,
        heads=[1, 1, 4, 2, 4, 4],
        deps=["flat:name", "ROOT", "nsubj", "flat:name", "ROOT", "punct"],
        sent_starts=[True, False, True, False, False, False],
    )


def test_a_word_before_the_sentence_is_the_doc_token():
    doc = two_sentences()
    second = list(doc.sents)[1]
    parse = SentenceParse(second, DocWords(doc))
    assert parse.token(1).text == "Ben"
    assert [t.text for t in parse.kids_of(1)] == ["Abdallah"]


def test_a_word_inside_the_sentence_is_built_once():
    doc = two_sentences()
    parse = SentenceParse(list(doc.sents)[1], DocWords(doc))
    assert parse.token(2) is parse.token(2)
    assert [t.text for t in parse.kids_of(4)] == ["Khalifa", "."]
