"""The knowledge base of organisations: every row right, every name resolves to its row."""

from __future__ import annotations

import json

import pytest
import spacy

from extract.entities import organisations
from extract.entities.organisations import (
    KINDS,
    OrganisationBase,
    OrganisationRuler,
    form_key,
    parse_row,
    read_organisations,
    title_case,
)
from extract.lexicon import read_lexicon

ROWS = read_organisations()
CODES = frozenset(row["code"] for row in read_lexicon("countries"))


def test_ids_are_unique_and_rows_are_checked():
    ids = [org.id for org in ROWS]
    assert len(ids) == len(set(ids))
    assert len(ROWS) >= 250
    assert all(org.kind in KINDS for org in ROWS)
    assert all(not org.country or org.country in CODES for org in ROWS)


def test_no_name_is_plain_in_two_rows():
    owner: dict[str, str] = {}
    for org in ROWS:
        for form, _ in org.forms():
            if org.is_plain(form):
                key = form_key(form)
                assert owner.setdefault(key, org.id) == org.id, (form, owner[key], org.id)


def test_a_shared_name_is_ambiguous_and_tells_states_apart():
    rows_of: dict[str, list] = {}
    for org in ROWS:
        for form, _ in org.forms():
            rows_of.setdefault(form_key(form), []).append(org)
    for key, rows in rows_of.items():
        if len({org.id for org in rows}) > 1:
            ambiguous = [o for o in rows if any(form_key(f) == key for f in o.ambiguous)]
            assert len(ambiguous) >= len(rows) - 1, key
            # Told apart by their states; a body of no state, by its other names.
            countries = [o.country for o in ambiguous if o.country]
            assert len(countries) == len(set(countries)), key


@pytest.mark.parametrize("org", ROWS, ids=lambda org: org.id)
def test_every_name_resolves_to_its_row(org):
    kb = organisations.base()
    for form, is_acronym in org.forms():
        options = kb.options(form)
        assert (org.id, org.is_plain(form)) in options, form
        if org.is_plain(form):
            assert kb.choose(options, named_rows=set(), named_codes=set()) == org.id, form
        # With its state named (or, for a body of no state, another of its names), an
        # ambiguous form names the row too.
        named = {org.country} if org.country else set()
        rows = set() if org.country else {org.id}
        assert kb.choose(options, named_rows=rows, named_codes=named) == org.id, form
        if is_acronym and title_case(form):
            assert (org.id, org.is_plain(form)) in kb.options(title_case(form)), form


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FBI", "org:fbi"),
        ("Federal Bureau of Investigation", "org:fbi"),
        ("Bureau fédéral d’enquête", "org:fbi"),
        ("Bureau federal d'enquete", "org:fbi"),
        ("CIA", "org:cia"),
        ("Agence centrale de renseignement", "org:cia"),
        ("OTAN", "org:otan"),
        ("Otan", "org:otan"),
        ("NATO", "org:otan"),
        ("Union européenne", "org:ue"),
        ("UE", "org:ue"),
        ("Daech", "org:ei"),
        ("Etat islamique", "org:ei"),
        ("Wagner", "org:wagner"),
        ("Tsahal", "org:tsahal"),
        ("Cédéao", "org:cedeao"),
        ("ANP", None),  # Algeria's army, or Morocco's port agency: the document decides
        ("DGSN", None),  # Morocco's, Algeria's or Mauritania's police
        ("Pam", None),  # a first name: short acronyms match in capitals only
        ("Ue", None),
    ],
)
def test_resolve_without_context(text, expected):
    assert organisations.base().resolve(text) == expected


def test_an_ambiguous_acronym_needs_its_state_or_another_name():
    kb = organisations.base()
    options = kb.options("DGSN")
    assert kb.choose(options, named_rows=set(), named_codes=set()) is None
    assert kb.choose(options, named_rows=set(), named_codes={"DZ"}) == "org:dgsn-dz"
    assert kb.choose(options, named_rows=set(), named_codes={"MA", "FR"}) == "org:dgsn-ma"
    # DGSI is France's unless the document names Algeria and not France.
    options = kb.options("DGSI")
    assert kb.choose(options, named_rows=set(), named_codes=set()) == "org:dgsi"
    assert kb.choose(options, named_rows=set(), named_codes={"FR", "DZ"}) == "org:dgsi"
    assert kb.choose(options, named_rows=set(), named_codes={"DZ"}) == "org:dgsi-dz"


def row(**fields):
    base_row = {"id": "org:x", "name": "X", "type": "organization", "kind": "police"}
    return {**base_row, **fields}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "company"}, "kind 'company' is not one of"),
        ({"type": "ORG"}, "type 'ORG' is not allowed"),
        ({"country": "XX"}, "country 'XX' is not an ISO 3166-1 alpha-2 code"),
        ({"id": "fbi"}, "id 'fbi' must be 'org:'"),
        ({"names": "X"}, "field 'names' must be a list"),
        ({"acronyms": ["abc"]}, "acronym 'abc' has no capital"),
        ({"ambiguous": ["Y"]}, "ambiguous form(s) ['Y'] are not names of the row"),
        ({"colour": "red"}, "unknown field(s) ['colour']"),
    ],
)
def test_a_bad_row_is_an_error_naming_file_and_line(fields, message):
    with pytest.raises(ValueError) as e:
        parse_row(row(**fields), "organisations.jsonl, line 7", CODES)
    assert str(e.value).startswith("organisations.jsonl, line 7: ")
    assert message in str(e.value)


def test_a_name_in_two_rows_or_a_repeated_id_is_an_error(monkeypatch):
    def rows_with(*rows):
        lines = [(n, json.loads(json.dumps(r))) for n, r in enumerate(rows, start=1)]
        monkeypatch.setattr(organisations, "numbered_rows", lambda name: lines)
        organisations._read_organisations.cache_clear()

    try:
        rows_with(row(names=["Brigade"]), row(id="org:y", name="Y", names=["brigade"]))
        with pytest.raises(ValueError, match=r"line 2: 'brigade' already names org:x \(line 1\)"):
            read_organisations("test")
        rows_with(row(), row())
        with pytest.raises(ValueError, match=r"line 2: id 'org:x' already used on line 1"):
            read_organisations("test")
        rows_with(row(names=["Maroc"]))
        with pytest.raises(ValueError, match=r"line 1: 'Maroc' is a country's name"):
            read_organisations("test")
    finally:
        organisations._read_organisations.cache_clear()


@pytest.fixture(scope="module")
def ruler():
    nlp = spacy.blank("fr")
    return nlp, OrganisationRuler(nlp, "coopgraph_organisations")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L’OTAN et l’Otan se réunissent.", [("OTAN", "org:otan"), ("Otan", "org:otan")]),
        (
            "Le Conseil de sécurité de l’ONU a voté.",
            [("Conseil de sécurité de l’ONU", "org:csnu")],
        ),
        ("Le hamas est un plat.", []),  # a capitalised name matches only with its capital
        ("Le Hamas a tiré.", [("Hamas", "org:hamas")]),
        ("L’armée malienne a riposté.", [("armée malienne", "org:fama")]),
        (
            "Les talibans et les Talibans.",
            [("talibans", "org:taliban"), ("Talibans", "org:taliban")],
        ),
        ("Un PAM et un Pam.", [("PAM", "org:pam")]),
        ("La ANP est là.", [("ANP", "org:anp-dz")]),
        (
            "Le FBI, Federal Bureau of Investigation.",
            [("FBI", "org:fbi"), ("Federal Bureau of Investigation", "org:fbi")],
        ),
        ("La Police nationale.", [("Police nationale", "org:police-nationale")]),
    ],
)
def test_the_ruler_finds_names_as_written(ruler, text, expected):
    nlp, component = ruler
    doc = component(nlp(text))
    found = [(s.text, s.id_.split("|")[0]) for s in doc.spans["coopgraph_organisations"]]
    assert found == expected


def test_the_index_lists_every_row_a_shared_form_may_name():
    kb = OrganisationBase(ROWS)
    assert {org_id for org_id, _ in kb.options("DGSN")} == {
        "org:dgsn-ma",
        "org:dgsn-dz",
        "org:dgsn-mr",
    }


def organisations_of(doc) -> dict[str, tuple[str, ...]]:
    """Return id → aliases of the organisation entities of `doc`."""
    return {e.id: e.aliases for e in doc._.coopgraph_entities if e.type == "organization"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every name of one organisation is one node
        (
            "Le FBI a arrêté deux suspects. Le Federal Bureau of Investigation n’a pas commenté.",
            {"org:fbi": ("FBI", "Federal Bureau of Investigation")},
        ),
        (
            "La CIA, l’Agence centrale de renseignement, a démenti.",
            {"org:cia": ("CIA", "Agence centrale de renseignement")},
        ),
        (
            "L’Office européen de police, Europol, a coordonné l’enquête.",
            {"org:europol": ("Office européen de police", "Europol")},
        ),
        (
            "L’OTAN renforce son flanc est. Les ministres de l’Otan se réunissent à Bruxelles.",
            {"org:otan": ("OTAN", "Otan")},
        ),
        (
            "Le Conseil de sécurité de l’ONU a prolongé le mandat de la Minusma.",
            {
                "org:csnu": ("Conseil de sécurité de l’ONU",),
                "org:minusma": ("Minusma",),
                "org:onu": ("ONU",),  # named inside, after « de »: what the Council is part of
            },
        ),
        # the knowledge base types what the model mistypes
        (
            "Des combattants de Wagner ont été vus près de Tombouctou.",
            {"org:wagner": ("Wagner",)},
        ),
        # a longer organisation holding a known name is another organisation
        (
            "Le président de la Commission de l’Union africaine s’est rendu à Addis-Abeba.",
            {
                "org:commission-ua": ("Commission de l’Union africaine",),
                "org:ua": ("Union africaine",),
            },
        ),
        # a one-word name that is a person's surname in the text stays the person's
        ("Richard Wagner a composé la Tétralogie. Wagner est né à Leipzig.", {}),
    ],
)
def test_every_name_of_an_organisation_is_one_node(nlp, text, expected):
    assert organisations_of(nlp(text)) == expected


def test_an_ambiguous_acronym_is_the_organisation_of_the_state_named(nlp):
    doc = nlp("Le chef d’état-major de l’ANP a reçu une délégation à Alger, capitale de l’Algérie.")
    assert "org:anp-dz" in organisations_of(doc)
    doc = nlp("L’ANP a publié le trafic du port de Casablanca pour le premier trimestre.")
    assert "org:anp-dz" not in organisations_of(doc)


def test_a_known_organisation_carries_its_state_but_no_edge_to_it(nlp):
    # The text says where the cell was, not whose the DGSN is: the state is an attribute.
    doc = nlp("La DGSN a démantelé une cellule terroriste près de Casablanca, au Maroc.")
    entity = next(e for e in doc._.coopgraph_entities if e.id == "org:dgsn-ma")
    assert (entity.label, entity.country_code) == ("DGSN", "MA")
    assert not any(
        {r.source, r.target} == {"org:dgsn-ma", "country:MA"} for r in doc._.coopgraph_relations
    )


def test_an_acronym_the_text_defines_for_a_known_name_is_that_organisation(nlp):
    doc = nlp("Le Groupe d’action financière (GAFI) a retiré le Maroc de sa liste grise.")
    assert organisations_of(doc) == {"org:gafi": ("Groupe d’action financière", "GAFI")}
