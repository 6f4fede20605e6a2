"""The lexicon loader: every shipped lexicon loads, a row naming an unknown type is refused."""

from __future__ import annotations

from importlib import resources

import pytest

from extract.errors import CoopgraphError, LexiconError
from extract.lexicon import parse_lexicon, read_lexicon
from graph.vocabulary import RELATION_TYPES


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name.removesuffix(".jsonl")
        for p in resources.files("extract").joinpath("data").iterdir()
        if p.name.endswith(".jsonl")
    ),
)
def test_every_shipped_lexicon_loads(name):
    assert read_lexicon(name)


def test_every_trigger_names_a_relation_of_the_vocabulary():
    assert {row["relation"] for row in read_lexicon("triggers")} <= set(RELATION_TYPES)


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        (
            "triggers",
            '{"lemma": "pacte", "relation": "alliance", "pos": "noun"}',
            "t.jsonl, line 2: relation 'alliance' is unknown; use one of: cooperation, "
            "affiliation, part_of, opposition",
        ),
        (
            "triggers",
            '{"lemma": "pacte", "relation": "cooperation", "pos": "nom"}',
            "t.jsonl, line 2: pos 'nom' is unknown; use one of: noun, verb, adj",
        ),
        (
            "triggers",
            '{"lemma": "pacte", "pos": "noun"}',
            "t.jsonl, line 2: no 'relation'; give one of: cooperation, affiliation, part_of, "
            "opposition",
        ),
        (
            "titles",
            '{"title": "roi", "type": "royalty"}',
            "t.jsonl, line 2: type 'royalty' is unknown; use one of: person, organization, "
            "country, location",
        ),
        ("titles", "{oops", "t.jsonl, line 2: invalid JSON (Expecting property name enclosed"),
    ],
)
def test_a_bad_row_is_refused_with_file_and_line(name, line, message):
    good = '{"lemma": "accord", "relation": "cooperation", "pos": "noun"}'
    with pytest.raises(LexiconError) as caught:
        parse_lexicon(f"{good}\n{line}\n", name=name, source="t.jsonl")
    assert str(caught.value).startswith(message)
    assert isinstance(caught.value, CoopgraphError)
