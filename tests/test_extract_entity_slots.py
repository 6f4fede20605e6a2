"""Entities that relations need: names the model mistypes, cuts or misses (pipeline tests).

Each case is a sentence of our own and the exact person, organisation and country ids
the pipeline gives it (places are left out), or the relations that depend on them.
"""

from __future__ import annotations

import pytest

CASES = [
    # A name right after a post, its portfolio and its demonym is a person's, even where
    # the model leaves it out (« ministre de la Défense letton » read as an organisation).
    (
        "Le Premier ministre grec Konstantinos Varvitsiotis a reçu mardi le ministre de la "
        "Défense letton Artis Pabriks.",
        ["country:GR", "country:LV", "person:artis-pabriks", "person:konstantinos-varvitsiotis"],
    ),
    # ... after where the post is held, the model taking the country into the name.
    (
        "Le ministre letton de la Défense Andris Spruds a accueilli l’ambassadeur mongol au "
        "Japon Khuderbaatar Gansukh.",
        [
            "country:JP",
            "country:LV",
            "country:MN",
            "person:andris-spruds",
            "person:khuderbaatar-gansukh",
        ],
    ),
    (
        "Nikos Dendias, ministre grec de la Défense, a rencontré l’ambassadeur turc en Grèce "
        "Çağatay Erciyes.",
        ["country:GR", "country:TR", "person:cagatay-erciyes", "person:nikos-dendias"],
    ),
    # ... after an organisation the model glued to it.
    (
        "Le secrétaire général de l’OTAN Jens Stoltenberg a rencontré le président estonien "
        "Alar Karis.",
        ["country:EE", "org:otan", "person:alar-karis", "person:jens-stoltenberg"],
    ),
    # Near misses: what a post is of is no person; a verb closes the slot.
    (
        "Les deux chefs d’État ont signé un accord avec le PDG de Thales Patrice Caine.",
        ["org:thales", "person:patrice-caine"],
    ),
    (
        "Le ministre de l’Intérieur de Pologne a reçu le président de Safran.",
        ["country:PL", "org:safran"],
    ),
    ("Le ministre de la Défense a visité lundi Abidjan.", []),
    # A country spelt with accents the lexicon does not give it.
    (
        "Le président du Nigéria a reçu ses homologues du Libéria et du Bénin.",
        ["country:BJ", "country:LR", "country:NG"],
    ),
    ("Le Kénya et le Pérou ont signé un accord de coopération.", ["country:KE", "country:PE"]),
    # A name after a group noun is the group's, quoted or not, seen by the model or not.
    ("Ce massacre, commis par le gang « Base Bonbon », a fait 40 victimes.", ["org:base-bonbon"]),
    ("La milice « Les Lions de Dieu » a attaqué un village.", ["org:les-lions-de-dieu"]),
    ("Le gang Ti Makak a attaqué la police.", ["org:ti-makak"]),
    (
        "Le groupe armé « Front de libération du Nord » a revendiqué l’attaque.",
        ["org:front-de-liberation-du-nord"],
    ),
    # Near miss: a quote after a group's complement is not its name.
    (
        "Le chanteur du groupe de Jean Dupont a repris « Marie Claire » hier soir.",
        ["person:jean-dupont", "person:marie-claire"],
    ),
    (
        "Le gang « Ti Makak », dirigé par Jean-Baptiste Hérold, contrôle le port.",
        ["org:ti-makak", "person:jean-baptiste-herold"],
    ),
    # A state's body named by its noun and the demonym is an organisation of that state,
    # one node however the demonym is spelt; a government stands for its state.
    (
        "La marine roumaine a reçu deux frégates construites en France.",
        ["country:FR", "country:RO", "org:marine-ro"],
    ),
    (
        "L’armée béninoise et la gendarmerie nigérienne ont mené une opération conjointe.",
        ["country:BJ", "country:NE", "org:armee-bj", "org:gendarmerie-ne"],
    ),
    (
        "L’Armée hellénique et l’armée grecque sont une seule force.",
        ["country:GR", "org:armee-gr"],
    ),
    ("Le gouvernement indien a accusé le Canada d’ingérence.", ["country:CA", "country:IN"]),
    # A name the model reads as a place, headed by an organisation noun, is the body.
    (
        "Le Parquet de Lyon a ouvert une enquête avec la Police fédérale.",
        ["org:parquet-de-lyon", "org:police-federale"],
    ),
    ("La foule a envahi la Place de la Concorde.", []),
]


def entity_ids(doc) -> list[str]:
    """Return the sorted ids of the people, organisations and countries of a Doc."""
    return sorted(e.id for e in doc._.coopgraph_entities if not e.id.startswith("location:"))


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_entities_relations_need(docs, text, expected):
    assert entity_ids(docs[text]) == expected


def test_person_after_post_relates(relations_of):
    text = CASES[0][0]
    found = {(r.source, r.type, r.target) for r in relations_of[text]}
    assert ("person:artis-pabriks", "affiliation", "country:LV") in found
    assert ("person:artis-pabriks", "cooperation", "person:konstantinos-varvitsiotis") in found


OWNED = [
    # An organisation named after « de » in a longer one's name is what it belongs to.
    (
        "Le Parlement de la CEDEAO a adopté une résolution.",
        {("org:parlement-de-la-cedeao", "part_of", "org:cedeao")},
    ),
    (
        "Le Conseil de sécurité de l’ONU a adopté une résolution.",
        {("org:csnu", "part_of", "org:onu")},
    ),
    # « US », « UK » opening an English name are the state.
    (
        "Le UK Strategic Command a signé un accord avec l’OTAN.",
        {
            ("org:otan", "cooperation", "org:uk-strategic-command"),
            ("org:uk-strategic-command", "part_of", "country:GB"),
        },
    ),
    ("L’équipe US a gagné le match.", set()),
]


@pytest.mark.parametrize(("text", "expected"), OWNED)
def test_a_name_states_what_an_organisation_belongs_to(nlp, text, expected):
    found = {(r.source, r.type, r.target) for r in nlp(text)._.coopgraph_relations}
    assert found == expected


def test_a_state_body_belongs_to_its_state(relations_of):
    text = "L’armée béninoise et la gendarmerie nigérienne ont mené une opération conjointe."
    found = {(r.source, r.type, r.target) for r in relations_of[text]}
    assert found == {
        ("org:armee-bj", "cooperation", "org:gendarmerie-ne"),
        ("org:armee-bj", "part_of", "country:BJ"),
        ("org:gendarmerie-ne", "part_of", "country:NE"),
    }


def test_group_in_quotes_relates_to_its_leader(relations_of):
    text = "Le gang « Ti Makak », dirigé par Jean-Baptiste Hérold, contrôle le port."
    found = {(r.source, r.type, r.target) for r in relations_of[text]}
    assert found == {("person:jean-baptiste-herold", "affiliation", "org:ti-makak")}


def parsed_doc(words, heads, deps, ents):
    """A hand-built Doc: these words, one space apart, with this parse and these entities."""
    import spacy
    from spacy.tokens import Doc, Span

    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


# « Agence fédérale de la Sécurité sanitaire et alimentaire », the model stopping at
# « sanitaire »; « et » + a post or an article starts something else.
NAME_WORDS = ["Agence", "fédérale", "de", "la", "Sécurité", "sanitaire", "et"]
NAME_HEADS = [0, 0, 4, 4, 0, 4, 7, 4]
NAME_DEPS = ["ROOT", "amod", "case", "det", "nmod", "amod", "cc", "conj"]


@pytest.mark.parametrize(
    ("last", "end"),
    [("alimentaire", 8), ("ministre", 6), ("directeur", 6)],
)
def test_a_name_cut_before_et_and_an_adjective_goes_on(last, end):
    from extract.entities.name_spans import joined_entities
    from extract.tokens import TokenTable

    doc = parsed_doc([*NAME_WORDS, last], NAME_HEADS, NAME_DEPS, [(0, 6, "ORG")])
    assert joined_entities(doc, TokenTable(doc)) == [(0, end, "ORG")]


def test_a_name_cut_before_a_coordinated_organisation_stops():
    from extract.entities.name_spans import joined_entities
    from extract.tokens import TokenTable

    words = ["Union", "africaine", "et", "les", "Nations", "unies"]
    doc = parsed_doc(
        words, [0, 0, 4, 4, 0, 4], ["ROOT", "amod", "cc", "det", "conj", "amod"], [(0, 2, "ORG")]
    )
    assert joined_entities(doc, TokenTable(doc))[0] == (0, 2, "ORG")


def test_a_name_loses_a_dangling_de_la():
    from extract.entities.name_spans import trim_span

    words = ["Agence", "fédérale", "de", "la"]
    doc = parsed_doc(words, [0, 0, 0, 0], ["ROOT", "amod", "dep", "dep"], [])
    assert trim_span(doc[:], titles=frozenset()).text == "Agence fédérale"


@pytest.mark.parametrize(
    ("opener", "first_label", "expected"),
    [
        ('"', "LOC", [(1, 3, "PER")]),  # « "Nikos Papadakis, ... »: one person
        ("le", "LOC", [(1, 2, "LOC"), (2, 3, "PER")]),  # inside a sentence: two names
    ],
)
def test_a_first_name_cut_at_an_opening_quote_joins_the_name(opener, first_label, expected):
    from extract.entities.name_spans import joined_entities
    from extract.tokens import TokenTable

    words = [opener, "Nikos", "Papadakis", ",", "ministre"]
    deps = ["punct", "ROOT", "flat:name", "punct", "appos"]
    doc = parsed_doc(words, [1, 1, 1, 1, 1], deps, [(1, 2, first_label), (2, 3, "PER")])
    assert joined_entities(doc, TokenTable(doc)) == expected
