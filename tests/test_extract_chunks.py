"""Long documents: cut on paragraph boundaries, results merged back into the whole text."""

from __future__ import annotations

import pytest

from extract.engine.chunks import Piece, merge_pieces, split_text
from extract.engine.documents import extract_group
from extract.records import Document, DocumentResult, Entity, Mention, Relation

PARAGRAPHS = [
    "La France et l’Algérie ont renforcé leur coopération policière, selon le ministère.",
    "Le Sénégal et le Maroc ont signé mardi à Dakar un accord de coopération sur la pêche.",
    "L’Espagne coopère avec le Portugal dans la lutte contre les incendies de forêt.",
    "La Tunisie et l’Égypte ont conclu un partenariat dans le domaine de l’énergie.",
]


def long_text(copies: int = 3) -> str:
    return "\n\n".join(PARAGRAPHS * copies)


@pytest.mark.parametrize(
    ("text", "max_chars", "expected"),
    [
        ("Un deux.\n\nTrois quatre.\n\nCinq.", 100, ["Un deux.\n\nTrois quatre.\n\nCinq."]),
        ("Un deux.\n\nTrois quatre.\n\nCinq.", 26, ["Un deux.\n\nTrois quatre.\n\n", "Cinq."]),
        # One giant paragraph: cut at a line break, then at a sentence end, then at a space.
        (
            "Ligne une ici\nLigne deux là\nLigne trois",
            30,
            ["Ligne une ici\nLigne deux là\n", "Ligne trois"],
        ),
        (
            "Phrase une. Phrase deux. Phrase trois.",
            26,
            ["Phrase une. Phrase deux. ", "Phrase trois."],
        ),
        ("mot mot mot mot mot", 9, ["mot mot ", "mot mot ", "mot"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ],
)
def test_split_text_cuts_at_the_best_boundary(text, max_chars, expected):
    spans = split_text(text, max_chars=max_chars)
    assert [text[a:b] for a, b in spans] == expected
    assert all(b - a <= max_chars for a, b in spans)


def test_split_text_covers_the_text_exactly():
    text = long_text(5)
    spans = split_text(text, max_chars=200)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a_end == b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
    assert all(text[b - 2 : b] == "\n\n" for _, b in spans[:-1])


def test_split_text_rejects_a_null_size():
    with pytest.raises(ValueError, match="max_chars must be at least 1, not 0"):
        split_text("texte", max_chars=0)


def person(text: str, start: int, sent: int, entity: str) -> Mention:
    return Mention(
        text=text,
        start_char=start,
        end_char=start + len(text),
        sent=sent,
        type="person",
        entity=entity,
    )


def test_merge_pieces_shifts_offsets_and_resolves_a_lone_name_across_pieces(nlp):
    first = DocumentResult(
        id="a",
        sha1="s",
        mentions=[person("Aminata Diallo", 0, 0, "person:aminata-diallo")],
        entities=[
            Entity("person:aminata-diallo", "Aminata Diallo", "person", ("Aminata Diallo",), 1)
        ],
    )
    second = DocumentResult(
        id="a",
        sha1="s",
        mentions=[
            person("Diallo", 4, 1, "person:diallo"),
            Mention("Sénégal", 20, 27, 1, "country", "country:SN"),
        ],
        relations=[
            Relation("person:diallo", "country:SN", "affiliation", "Diallo ... Sénégal.", 0, 30)
        ],
    )
    merged = merge_pieces(
        nlp.get_pipe("coopgraph_entities"), [Piece(0, 3, first), Piece(100, 2, second)]
    )
    assert [(m.text, m.start_char, m.sent, m.entity) for m in merged.mentions] == [
        ("Aminata Diallo", 0, 0, "person:aminata-diallo"),
        ("Diallo", 104, 4, "person:aminata-diallo"),
        ("Sénégal", 120, 4, "country:SN"),
    ]
    assert [(e.id, e.label, e.aliases, e.mentions) for e in merged.entities] == [
        ("person:aminata-diallo", "Aminata Diallo", ("Aminata Diallo", "Diallo"), 2),
        ("country:SN", "Sénégal", ("Sénégal",), 1),
    ]
    assert [(r.source, r.target, r.start_char, r.end_char) for r in merged.relations] == [
        ("person:aminata-diallo", "country:SN", 100, 130)
    ]


def test_a_long_document_in_pieces_gives_the_same_entities_and_relations(nlp):
    text = long_text(3)
    document = Document(id="long", text=text)
    [whole] = extract_group(nlp, [document])
    [pieces] = extract_group(nlp, [document], max_chars=300)
    assert len(split_text(text, max_chars=300)) > 3
    assert [m.text for m in pieces.mentions] == [
        text[m.start_char : m.end_char] for m in pieces.mentions
    ]
    assert [(m.text, m.start_char, m.entity) for m in pieces.mentions] == [
        (m.text, m.start_char, m.entity) for m in whole.mentions
    ]
    assert pieces.entities == whole.entities
    assert pieces.relations == whole.relations
    assert {r.type for r in whole.relations} == {"cooperation"}
    assert all(text[r.start_char : r.end_char].strip() == r.sentence for r in pieces.relations)


def test_a_document_longer_than_max_length_never_trips_spacy(nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 400)
    text = long_text(2)
    [result] = extract_group(nlp, [Document(id="long", text=text)])
    assert len(text) > 400
    assert {e.id for e in result.entities} >= {
        "country:FR",
        "country:DZ",
        "country:SN",
        "country:MA",
    }
