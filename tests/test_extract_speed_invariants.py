"""The fast paths of `extract/` give exactly what the spaCy objects they replace give.

Token columns (`extract.tokens`), the layout's sentence starts and furniture markers, and
the country ruler's tuple-based rules are each checked against a direct implementation
on spaCy's own `Token`, `Span` and `SpanRuler` objects.
"""

from __future__ import annotations

import unicodedata

import pytest
import spacy
from spacy.pipeline import SpanRuler
from spacy.util import filter_spans

from extract.entities.countries import GLUED_CLITICS, LANGUAGE_CUES, fold
from extract.entities.layout import SEPARATORS, FurnitureRules, LayoutMarker, _fold
from extract.lexicon import read_lexicon, strip_accents
from extract.tokens import Lexicon, TokenTable, doc_text, sentence_numbers

TEXTS = [
    "Le Maroc et le Qatar ont signé un accord de coopération sécuritaire à Rabat.",
    "M. Nasser Bourita a reçu  son homologue d’Israël.\n\nLa DGSN (Direction générale "
    "de la sûreté nationale) coopère avec le FBI.",
    "Cyber-sécurité\n\nDes experts qataris   et des Émiratis se sont réunis.  \n",
    "Les commandos d’Israëlse sont entraînés au Maroc, en français et en arabe.",
    "Vidéo | Les USA, l’EAU et la RDC : 500 MW à Kinshasa…\nLire aussi | Un autre sujet",
    "",
    "  \n ",
    "Maurice a répondu à l’ambassadeur de Maurice ; la police marocaine enquête.",
]


def test_token_columns_are_the_token_attributes(nlp, docs):
    lexicon = Lexicon(nlp.vocab)
    for doc in docs.values():
        tokens = TokenTable(doc, lexicon)
        assert tokens.text == doc.text == doc_text(doc)
        assert list(tokens.texts) == [t.text for t in doc]
        assert list(tokens.lowers) == [t.lower_ for t in doc]
        assert list(tokens.is_punct) == [t.is_punct for t in doc]
        assert list(tokens.is_space) == [t.is_space for t in doc]
        assert list(tokens.is_title) == [t.is_title for t in doc]
        assert list(tokens.like_num) == [t.like_num for t in doc]
        assert tokens.starts == [t.idx for t in doc]
        assert tokens.ends == [t.idx + len(t) for t in doc]
        for start in range(len(doc) + 1):
            for end in range(start, min(len(doc), start + 6) + 1):
                assert tokens.span_text(start, end) == doc[start:end].text


def test_a_full_lexicon_starts_afresh_and_stays_right(nlp, docs, monkeypatch):
    monkeypatch.setattr("extract.tokens.LEXICON_SIZE", 3)
    lexicon = Lexicon(nlp.vocab)
    for doc in [*docs.values()] * 2:
        assert list(TokenTable(doc, lexicon).texts) == [t.text for t in doc]
    assert len(lexicon.types) < 40


def test_sentence_numbers_follow_doc_sents(docs):
    for doc in docs.values():
        expected = [n for n, sent in enumerate(doc.sents) for _ in sent]
        assert sentence_numbers(doc) == expected


def reference_sentence_starts(doc):
    """The layout's original rule, token by token."""
    for token in doc:
        if "\n" in token.text and token.is_space:
            token.is_sent_start = token.i == 0 or None
            if token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = True
    return [token.is_sent_start for token in doc]


@pytest.mark.parametrize("text", [*TEXTS, "\n\nA\n", "a\n\n\n b \n \n c", " \nx", "x\n", "\n"])
def test_layout_sentence_starts_match_the_token_rule(text):
    nlp = spacy.blank("fr")
    layout = LayoutMarker(nlp, "layout")
    expected = reference_sentence_starts(nlp.make_doc(text))
    assert [t.is_sent_start for t in layout(nlp.make_doc(text))] == expected


def reference_marker_of(rows, line):
    """The furniture rule on the whole folded line."""
    folded = _fold(line)
    for row in rows:
        marker = row["folded"]
        after = folded[len(marker) :]
        if not folded.startswith(marker) or after[:1].isalnum():
            continue
        after = after.lstrip()
        if not after or not row.get("needs_separator") or after[0] in SEPARATORS:
            return row
    return None


@pytest.mark.parametrize(
    "line",
    [
        "Lire aussi | " + "un très long titre " * 10,
        "LIRE AUSSI" + " " * 60 + "| la suite",
        "À LIRE ÉGALEMENT : " + "é" * 80,
        "  \u00a8Lire aussi : la suite" + " x" * 40,
        "\u0130stanbul accueille le sommet" + " x" * 40,
        "ＬＩＲＥ ＡＵＳＳＩ | pleine chasse" + " x" * 40,
        "Article suivant" + "\u0301" * 50 + " : la suite" + " x" * 40,
        "Le texte d’un article ordinaire, sans rien de particulier" * 3,
        " " * 100 + "Lire aussi",
    ],
)
def test_furniture_markers_read_on_the_line_head_match_the_whole_line(line):
    rules = FurnitureRules(read_lexicon("furniture"))
    assert rules.marker_of(line) == reference_marker_of(rules.rows, line)
    for row in rules.rows:
        longer = row["marker"] + " : " + "suite " * 30
        assert rules.marker_of(longer) == reference_marker_of(rules.rows, longer)


def reference_country_spans(ruler, doc):
    """The country rules on `SpanRuler.match` spans, as they were first written."""
    tokens = [t.text for t in doc]
    people = {i for ent in doc.ents if ent.label_ == "PER" for i in range(ent.start, ent.end)}
    # SpanRuler.match, with the abbreviations the ruler looks up as written.
    spans = set(SpanRuler.match(ruler, doc))
    for i, text in enumerate(tokens):
        for label, code in ruler.abbreviations.get(text, ()):
            spans.add(spacy.tokens.Span(doc, i, i + 1, label=label, span_id=code))
    kept = []
    for span in sorted(spans):
        if span.label_ == "COUNTRY" and not span.text[:1].isupper():
            continue
        if (
            span.label_ == "DEMONYM"
            and span.text.islower()
            and span.start > 0
            and doc[span.start - 1].lower_ in LANGUAGE_CUES
        ):
            continue
        if span.id_ in ruler.first_name_codes and span.start in people:
            continue
        kept.append(span)
    for token in doc[:-1]:
        text, following = token.text, doc[token.i + 1].text
        if not text[:1].isupper() or not (following.isalpha() and following.islower()):
            continue
        if not text[-1:].isalpha() and not text.endswith(("’", "'")):
            continue
        for clitic in GLUED_CLITICS:
            if text.endswith(clitic) and len(text) > len(clitic) + 2:
                code = ruler.glue_names.get(fold(text[: -len(clitic)]))
                if code is not None:
                    kept.append(
                        spacy.tokens.Span(doc, token.i, token.i + 1, "COUNTRY", span_id=code)
                    )
                    break
    return sorted(filter_spans(kept))


def test_country_rules_on_tuples_match_the_rules_on_spans(nlp, docs):
    ruler = nlp.get_pipe("coopgraph_countries")
    for doc in docs.values():
        found = [(s.start, s.end, s.label_, s.id_) for s in ruler.match(doc)]
        expected = [(s.start, s.end, s.label_, s.id_) for s in reference_country_spans(ruler, doc)]
        assert found == expected
    assert any(found for found in (ruler.match(doc) for doc in docs.values()))


def test_strip_accents_is_the_same_on_ascii_and_cached_text():
    for text in ["Etats", "États-Unis", "İstanbul", "naïve", "", "\u00a8", "Israël"] * 2:
        decomposed = unicodedata.normalize("NFKD", text)
        expected = "".join(c for c in decomposed if not unicodedata.combining(c))
        assert strip_accents(text) == expected
