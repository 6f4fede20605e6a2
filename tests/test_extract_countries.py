"""Countries: the lexicon covers every UN member state; names, variants and demonyms resolve."""

from __future__ import annotations

import pytest

from extract.data.build_lexicons import feminine_and_plurals
from extract.entities.countries import spellings
from extract.lexicon import read_lexicon

# The 193 UN member states (ISO 3166-1 alpha-2), written here independently of the lexicon.
UN_MEMBERS = frozenset(
    """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH
CM CA CF TD CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ
FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI
KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR
NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST
SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG
UA AE GB TZ US UY UZ VU VE VN YE ZM ZW
""".split()
)


def countries_of(doc) -> set[str]:
    return {e.id for e in doc._.coopgraph_entities if e.type == "country"}


def test_every_un_member_state_has_a_name_and_demonyms():
    rows = {row["code"]: row for row in read_lexicon("countries")}
    assert len(UN_MEMBERS) == 193
    assert UN_MEMBERS <= set(rows)
    for code in UN_MEMBERS:
        assert rows[code]["name"] and rows[code]["un_member"], code
        assert len(rows[code]["demonyms"]) >= 2, code


def test_no_country_form_names_two_states_unless_marked():
    seen: dict[str, str] = {}
    for row in read_lexicon("countries"):
        for form in [row["name"], *row["variants"]]:
            assert seen.setdefault(form.lower(), row["code"]) == row["code"], form
        shared = set(row.get("secondary_demonyms", ()))
        for form in set(row["demonyms"]) - shared:
            assert seen.setdefault(form, row["code"]) == row["code"], form


@pytest.mark.parametrize(
    ("stem", "forms"),
    [
        ("marocain", ["marocain", "marocaine", "marocains", "marocaines"]),
        ("qatari", ["qatari", "qatarie", "qataris", "qataries"]),
        ("israélien", ["israélien", "israélienne", "israéliens", "israéliennes"]),
        ("français", ["français", "française", "françaises"]),
        ("russe", ["russe", "russes"]),
        ("letton", ["letton", "lettonne", "lettons", "lettonnes"]),
    ],
)
def test_demonym_inflection(stem, forms):
    assert feminine_and_plurals(stem) == forms


def test_spellings_without_accents_hyphens_and_with_both_apostrophes():
    assert spellings("Côte d’Ivoire") == [
        "Côte d’Ivoire",
        "Cote d’Ivoire",
        "Côte d'Ivoire",
        "Cote d'Ivoire",
    ]
    assert spellings("États-Unis") == ["États-Unis", "Etats-Unis", "États Unis", "Etats Unis"]


CASES = [
    ("Des experts qataris effectuent une visite à Doha.", {"country:QA"}),
    ("La délégation qatarie a été reçue par son homologue marocain.", {"country:QA", "country:MA"}),
    ("Les Israéliennes ont remporté le tournoi.", {"country:IL"}),
    (
        "Les forces américaines et les conseillers émiratis sont partis.",
        {"country:US", "country:AE"},
    ),
    ("Les États-Unis et les Etats-Unis d’Amérique ne font qu’un.", {"country:US"}),
    ("Les USA et les EAU ont signé un accord.", {"country:US", "country:AE"}),
    ("Un verre d’eau suffit à calmer la foule.", set()),
    ("L’Algérie et la Tunisie ont fermé leurs frontières.", {"country:DZ", "country:TN"}),
    (
        "La Guinée-Bissau et la Guinée équatoriale ont voté comme la Guinée.",
        {"country:GW", "country:GQ", "country:GN"},
    ),
    ("La Corée du Sud surveille la Corée du Nord.", {"country:KR", "country:KP"}),
    ("Le Niger et le Nigeria partagent une longue frontière.", {"country:NE", "country:NG"}),
    ("La République démocratique du Congo accuse le Congo voisin.", {"country:CD", "country:CG"}),
    ("Des soldats congolais sont entrés dans la ville.", {"country:CD"}),
    ("Au Congo-Brazzaville, les soldats congolais ont défilé.", {"country:CG"}),
    (
        "Des diplomates sud-coréens et nord-coréens se sont rencontrés.",
        {"country:KR", "country:KP"},
    ),
    ("Il a appris le français et répond en russe.", set()),
    ("Le gouvernement français a reçu un expert russe.", {"country:FR", "country:RU"}),
    ("L’île Maurice accueille le sommet régional.", {"country:MU"}),
    ("Des militaires turcs et des officières grecques sont arrivés.", {"country:TR", "country:GR"}),
    ("Les Burkinabés et les Ivoiriens ont fêté la victoire.", {"country:BF", "country:CI"}),
    ("Une grenade a explosé près du marché.", set()),
    (
        "Les Emirats arabes unis et Bahrein ont normalisé leurs relations.",
        {"country:AE", "country:BH"},
    ),
    ("Le président de la Côte d'Ivoire est arrivé.", {"country:CI"}),
    ("Le Royaume du Maroc a rappelé son ambassadeur au Maroc.", {"country:MA"}),
    # A state's formal name, known to the lexicon or not, is the country.
    (
        "La République de Guinée et le Royaume de Belgique ont signé un accord.",
        {"country:GN", "country:BE"},
    ),
    (
        "Le président de la République fédérale du Nigeria a reçu l’émir de l’État du Koweït.",
        {"country:NG", "country:KW"},
    ),
    ("La République islamique de Mauritanie a voté le texte.", {"country:MR"}),
]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("La République de Guinée et le Royaume de Belgique ont signé.", "République de Guinée"),
        (
            "Le Premier ministre de la République du Sénégal, Amadou Ba, a parlé.",
            "République du Sénégal",
        ),
        ("L’émir de l’État du Koweït a reçu le ministre.", "État du Koweït"),
    ],
)
def test_a_formal_state_name_is_one_country_mention(nlp, text, name):
    doc = nlp(text)
    assert name in {e.text for e in doc.spans["coopgraph_countries"]}
    assert not [e for e in doc._.coopgraph_entities if e.type == "person" and name in e.aliases]


@pytest.mark.parametrize(
    "text",
    [
        "L’État islamique d’Irak a revendiqué l’attaque.",  # an armed group, not Iraq
        "La Fédération nationale de football du Maroc a porté plainte.",
    ],
)
def test_a_qualified_form_other_than_a_republic_is_no_state_name(nlp, text):
    doc = nlp(text)
    assert all(len(e.text.split()) == 1 for e in doc.spans["coopgraph_countries"])


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_countries_in_sentence(docs, text, expected):
    assert countries_of(docs[text]) == expected


def test_capitals_stay_locations(nlp):
    doc = nlp("La mission diplomatique de Tel-Aviv à Rabat a été renforcée.")
    assert {e.id for e in doc._.coopgraph_entities} == {"location:tel-aviv", "location:rabat"}


def test_country_entity_keeps_every_alias_and_count(nlp):
    doc = nlp("Le Maroc forme des experts marocains. Une délégation marocaine visite le Maroc.")
    (morocco,) = doc._.coopgraph_entities
    assert (morocco.id, morocco.label, morocco.aliases, morocco.mentions, morocco.country_code) == (
        "country:MA",
        "Maroc",
        ("Maroc", "marocains", "marocaine"),
        4,
        "MA",
    )
