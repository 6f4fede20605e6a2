"""Gold files: the seeds read back exactly, and each defect gives its one-line message."""

from __future__ import annotations

import copy
import json

import pytest
from conftest import GOLD

from graph.gold import GoldEntity, GoldError, GoldRelation, parse_gold, read_gold, read_gold_dir

ENTITY_TYPES = "PERSON, ORG, COUNTRY, LOCATION, EVENT, MISC"
VALID = {
    "doc": "a.txt",
    "entities": [
        {"id": "maroc", "name": "Maroc", "type": "COUNTRY", "aliases": ["Maroc", "marocain"]},
        {
            "id": "algerie",
            "name": "Algérie",
            "type": "COUNTRY",
            "aliases": ["l’Algérie"],
            "optional": True,
        },
        {"id": "rabat", "name": "Rabat", "type": "LOCATION", "aliases": ["Rabat"]},
    ],
    "relations": [
        {"a": "algerie", "b": "maroc", "type": "opposition", "evidence": "face à l’Algérie"},
    ],
}


def write(tmp_path, data, name="a.json"):
    path = tmp_path / name
    path.write_text(
        data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8"
    )
    return path


def changed(edit):
    data = copy.deepcopy(VALID)
    edit(data)
    return data


def test_read_gold_reads_every_field(tmp_path):
    gold = read_gold(write(tmp_path, VALID))
    assert gold.doc == "a.txt"
    assert gold.source == str(tmp_path / "a.json")
    assert gold.entities == (
        GoldEntity("maroc", "Maroc", "COUNTRY", ("Maroc", "marocain")),
        GoldEntity("algerie", "Algérie", "COUNTRY", ("l’Algérie",), optional=True),
        GoldEntity("rabat", "Rabat", "LOCATION", ("Rabat",)),
    )
    assert gold.relations == (GoldRelation("algerie", "maroc", "opposition", "face à l’Algérie"),)
    assert [(e.id, e.scored, e.required) for e in gold.entities] == [
        ("maroc", True, True),
        ("algerie", True, False),
        ("rabat", False, False),
    ]
    assert gold.relations[0].pair == frozenset({"maroc", "algerie"})


def test_read_gold_dir_reads_the_seed_gold_files():
    golds = read_gold_dir(GOLD)
    assert [g.doc for g in golds] == ["000_bd430c8d39cbc0dc.txt", "003_fef535b62677a795.txt"]
    assert [(len(g.entities), len(g.relations)) for g in golds] == [(12, 8), (20, 13)]
    assert golds[1].entity("israel").aliases == (
        "Israël",
        "israélienne",
        "israélien",
        "israéliens",
        "Israëlse",
    )


def test_read_gold_accepts_a_byte_order_mark(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(VALID).encode("utf-8"))
    assert read_gold(path).doc == "a.txt"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.pop("doc"), 'the top level: missing key "doc"'),
        (lambda d: d.pop("relations"), 'the top level: missing key "relations"'),
        (
            lambda d: d.update(relation=[]),
            'the top level: unknown key "relation"; allowed keys: doc, entities, relations',
        ),
        (lambda d: d.update(doc=3), 'the top level: "doc" must be a string, not a number'),
        (lambda d: d.update(doc=" "), 'the top level: "doc" is empty'),
        (
            lambda d: d.update(entities={}),
            'the top level: "entities" must be a list, not an object',
        ),
        (lambda d: d["entities"].append("Maroc"), "entities[3] must be an object, not a string"),
        (lambda d: d["entities"][0].pop("aliases"), 'entities[0]: missing key "aliases"'),
        (lambda d: d["entities"][0].pop("id"), 'entities[0]: missing key "id"'),
        (
            lambda d: d["entities"][0].update(optionnal=True),
            'entities[0]: unknown key "optionnal"; allowed keys: id, name, type, aliases, optional',
        ),
        (
            lambda d: d["entities"][0].update(id=7),
            'entities[0]: "id" must be a string, not a number',
        ),
        (
            lambda d: d["entities"][0].update(id="Maroc"),
            'entities[0] ("Maroc"): "id" must be a lower-case slug (a-z, 0-9, "-"), '
            'like "abdellatif-hammouchi"',
        ),
        (lambda d: d["entities"][1].update(id="maroc"), 'entities[1]: duplicate id "maroc"'),
        (lambda d: d["entities"][0].update(name=""), 'entities[0] ("maroc"): "name" is empty'),
        (
            lambda d: d["entities"][0].update(type="PAYS"),
            f'entities[0] ("maroc"): unknown type "PAYS"; use one of: {ENTITY_TYPES}',
        ),
        (
            lambda d: d["entities"][0].update(type="country"),
            f'entities[0] ("maroc"): unknown type "country"; use one of: {ENTITY_TYPES}',
        ),
        (
            lambda d: d["entities"][0].update(aliases="Maroc"),
            'entities[0] ("maroc"): "aliases" must be a list, not a string',
        ),
        (
            lambda d: d["entities"][0].update(aliases=[]),
            'entities[0] ("maroc"): "aliases" is empty; '
            "list every form the text uses for the entity",
        ),
        (
            lambda d: d["entities"][0].update(aliases=["Maroc", None]),
            'entities[0] ("maroc"): "aliases[1]" must be a string, not null',
        ),
        (
            lambda d: d["entities"][0].update(aliases=["Maroc", " "]),
            'entities[0] ("maroc"): "aliases[1]" is empty',
        ),
        (
            lambda d: d["entities"][1].update(optional="yes"),
            'entities[1] ("algerie"): "optional" must be true or false, not a string',
        ),
        (
            lambda d: d["entities"][1].update(optional=1),
            'entities[1] ("algerie"): "optional" must be true or false, not a number',
        ),
        (lambda d: d["relations"].append([]), "relations[1] must be an object, not a list"),
        (lambda d: d["relations"][0].pop("evidence"), 'relations[0]: missing key "evidence"'),
        (
            lambda d: d["relations"][0].update(b="qatar"),
            'relations[0]: "b" is "qatar", which no entity has as id',
        ),
        (
            lambda d: d["relations"][0].update(a=None),
            'relations[0]: "a" must be a string, not null',
        ),
        (
            lambda d: d["relations"][0].update(b="algerie"),
            'relations[0]: relates "algerie" to itself',
        ),
        (
            lambda d: d["relations"][0].update(type="rivalry"),
            'relations[0]: unknown relation type "rivalry"; '
            "use one of: cooperation, affiliation, part_of, opposition",
        ),
        (
            lambda d: d["relations"][0].update(evidence=["face à"]),
            'relations[0]: "evidence" must be a string, not a list',
        ),
        (
            lambda d: d["relations"][0].update(optional="true"),
            'relations[0]: "optional" must be true or false, not a string',
        ),
        (
            lambda d: d["relations"].append(
                {"a": "maroc", "b": "algerie", "type": "opposition", "evidence": ""}
            ),
            'relations[1]: repeats relations[0] ("maroc" – "algerie", opposition)',
        ),
    ],
)
def test_read_gold_rejects_a_defect_with_its_message(tmp_path, edit, message):
    path = write(tmp_path, changed(edit))
    with pytest.raises(GoldError) as caught:
        read_gold(path)
    assert str(caught.value) == f"{path}: {message}"
    assert caught.value.path == str(path)
    assert caught.value.problem == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"doc": "a.txt",\n "entities": []\n "relations": []}',
            "invalid JSON at line 3, column 2 (Expecting ',' delimiter)",
        ),
        ("", "invalid JSON at line 1, column 1 (Expecting value)"),
        ('["a.txt"]', "the top level must be a JSON object, not a list"),
    ],
)
def test_read_gold_rejects_what_is_not_a_gold_object(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(GoldError) as caught:
        read_gold(path)
    assert str(caught.value) == f"{path}: {message}"


def test_read_gold_rejects_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes('{"doc": "é.txt"}'.encode("latin-1"))
    with pytest.raises(GoldError) as caught:
        read_gold(path)
    assert str(caught.value) == f"{path}: not UTF-8 text (byte 9)"


def test_read_gold_rejects_a_missing_file(tmp_path):
    with pytest.raises(GoldError) as caught:
        read_gold(tmp_path / "none.json")
    assert (
        str(caught.value) == f"{tmp_path / 'none.json'}: cannot be read (No such file or directory)"
    )


def test_read_gold_dir_rejects_two_files_for_one_text(tmp_path):
    write(tmp_path, VALID, "a.json")
    write(tmp_path, VALID, "b.json")
    with pytest.raises(GoldError) as caught:
        read_gold_dir(tmp_path)
    assert (
        str(caught.value) == f'{tmp_path / "b.json"}: annotates "a.txt", which a.json annotates too'
    )


def test_read_gold_dir_names_the_defective_file(tmp_path):
    write(tmp_path, VALID, "a.json")
    write(tmp_path, changed(lambda d: d.update(doc="b.txt", entities=[])), "b.json")
    with pytest.raises(GoldError) as caught:
        read_gold_dir(tmp_path)
    assert (
        str(caught.value)
        == f'{tmp_path / "b.json"}: relations[0]: "a" is "algerie", which no entity has as id'
    )


def test_read_gold_dir_rejects_a_folder_without_gold_files(tmp_path):
    (tmp_path / "notes.txt").write_text("nothing", encoding="utf-8")
    with pytest.raises(GoldError) as caught:
        read_gold_dir(tmp_path)
    assert str(caught.value) == f"{tmp_path}: no gold files (*.json) in this folder"
    with pytest.raises(GoldError, match="not a folder of gold files"):
        read_gold_dir(tmp_path / "notes.txt")


def test_parse_gold_names_its_source_and_is_a_value_error():
    with pytest.raises(ValueError, match=r'^mine\.json: the top level: missing key "entities"$'):
        parse_gold({"doc": "a.txt", "relations": []}, source="mine.json")
