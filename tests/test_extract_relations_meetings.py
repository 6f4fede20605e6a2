"""Officials meeting officials and cooperation constructions: who does a nominal act
(« la signature par A et B »), who a plural post or a company's description stands for,
and their near misses. Exact cooperation sets on sentences of our own."""

from __future__ import annotations

import pytest

SE, DE, GH, US, MD, PL = (
    "country:SE", "country:DE", "country:GH", "country:US", "country:MD", "country:PL"
)  # fmt: skip
TN, TR, IR = "country:TN", "country:TR", "country:IR"
FI, IN, TZ, FR, SN = "country:FI", "country:IN", "country:TZ", "country:FR", "country:SN"
KOSKIMAKI, RANTANEN = "person:ilkka-koskimaki", "person:mari-rantanen"
SHEBAB, QAIDA, ANSARU, HEZBOLLAH = "org:shebab", "org:al-qaida", "org:ansaru", "org:hezbollah"
BERG, FAURY, JONSON = "person:karl-berg", "person:guillaume-faury", "person:pal-jonson"
JOHANSSON = "person:micael-johansson"
SCHOLZ, SCHILL = "person:olaf-scholz", "person:pierre-schill"
SAAB, KOCKUMS, AIRBUS = "org:saab", "org:kockums", "org:airbus"
OTAN, UE, BUNDESWEHR = "org:otan", "org:ue", "org:bundeswehr"
COOP = "cooperation"


def coop(*pairs):
    """Return the cooperation triples of (a, b) pairs, oriented as the extractor does."""
    return {(*sorted(pair), COOP) for pair in pairs}


CASES = [
    # A « par » phrase names who does a trigger noun's act, wherever the parser hangs it.
    (
        "Le traité renvoie à la signature par le président allemand Olaf Scholz et le "
        "général Pierre Schill d’un accord sur l’hydrogène.",
        coop((SCHOLZ, SCHILL)),
    ),
    (
        "Les ministres veulent améliorer la coordination de l’aide à la Moldavie par "
        "l’Union européenne.",
        coop((MD, UE)),
    ),
    # Plural posts with no name stand for their body; a company's description for the
    # company named at its end, whose demonym is no party.
    (
        "Le chancelier Olaf Scholz a tenu une réunion de travail avec les dirigeants du "
        "groupe suédois Saab.",
        coop((SCHOLZ, SAAB)),
    ),
    # A participle on the compound « réunion de travail » carries its partners.
    (
        "Le général Pierre Schill a tenu une réunion de travail élargie avec les "
        "responsables de la société suédoise Saab, spécialisée dans les industries militaires.",
        coop((SCHILL, SAAB)),
    ),
    (
        "Le général Pierre Schill a rencontré les responsables d’Airbus.",
        coop((SCHILL, AIRBUS)),
    ),
    (
        "La Bundeswehr a choisi de travailler avec l’industriel naval de défense suédois "
        "Kockums.",
        coop((BUNDESWEHR, KOCKUMS)),
    ),
    # A body named as a complement is no description: both the state and NATO train.
    (
        "Les soldats américains de l’OTAN ont formé des soldats ghanéens.",
        coop((GH, US), (GH, OTAN)),
    ),
    # The body an official acts for signs too, when the post hangs on his title
    # (« le maréchal X, chef de ... ») and however deep the body is in the post; a
    # ministry acts for its state.
    (
        "Le maréchal Karl Berg, chef du bureau des achats du ministère suédois de la "
        "Défense, a signé le contrat avec Guillaume Faury, PDG d’Airbus.",
        coop((BERG, FAURY), (SE, AIRBUS), ("org:ministere-defense-se", AIRBUS)),
    ),
    # Every signatory of a list, each with his post, also a hyphenated one.
    (
        "Pål Jonson, ministre de la Défense suédois, Guillaume Faury, président-directeur "
        "général d’Airbus et Micael Johansson, président-directeur général de Saab ont signé "
        "le 3 mars un protocole d’accord.",
        coop((JONSON, FAURY), (JONSON, JOHANSSON), (FAURY, JOHANSSON))
        | coop((SE, AIRBUS), (SE, SAAB), (AIRBUS, SAAB)),
    ),
    # A friend's state is no body he acts for: the signatories only.
    (
        "Le maréchal Karl Berg, ami du roi de Suède, a signé le contrat avec Guillaume "
        "Faury, PDG d’Airbus.",
        coop((BERG, FAURY)),
    ),
    # An official's visit to a country is his state's; a body named with its state's
    # demonym stands for that state, a body without one stays.
    (
        "Le directeur général de la Police nationale finlandaise, Ilkka Koskimäki, effectue "
        "une visite de travail en Suède.",
        coop((FI, SE), (KOSKIMAKI, SE)),
    ),
    (
        "Le chef de la Sûreté de l’État, Ilkka Koskimäki, effectue une visite de travail en "
        "Suède.",
        coop(("org:vsse", SE), (KOSKIMAKI, SE)),
    ),
    # A visit that names its destination: who else it names are visitors, not hosts.
    (
        "La Finlande obtient un accord lors de la visite en Suède du ministre de l’Intérieur, "
        "Mari Rantanen.",
        coop((FI, SE)),
    ),
    # A navy's port call is a visit to the country.
    (
        "Trois navires de la marine indienne, dont une frégate, sont arrivés lundi en "
        "Tanzanie pour une escale de quatre jours.",
        coop((IN, TZ)),
    ),
    ("La frégate française a fait escale au Sénégal.", coop((FR, SN))),
    # A subject the parser hung on the sentence's long opening is the verb's again.
    (
        "Enfin, dans le cadre des accords de défense liant Paris à Dakar, un détachement de "
        "la Bundeswehr a récemment formé une soixantaine de militaires sénégalais.",
        coop((BUNDESWEHR, SN)),
    ),
    # « pour X de » + infinitive: X does it.
    (
        "Cette visite a été l’occasion pour les directeurs de la Säpo et de la Bundeswehr de "
        "se réunir avec leurs homologues finlandais.",
        coop(("org:sapo", FI), (BUNDESWEHR, FI)),
    ),
    ("C’est l’occasion pour la Suède de coopérer avec la Finlande.", coop((SE, FI))),
    # A « pour » phrase of the verb, not before a « de » infinitive, does nothing of it.
    ("La Suède a voté pour la Finlande avant de coopérer avec l’Otan.", coop((SE, OTAN))),
    # Ties between armed groups: « lié à », « affilié à », « prêter allégeance à ».
    (
        "Depuis janvier, le groupe armé Al-Shabaab, lié à Al-Qaïda, a attaqué plusieurs "
        "villages.",
        coop((SHEBAB, QAIDA)),
    ),
    ("Le groupe Ansaru, affilié à Al-Qaïda, a revendiqué l’attaque.", coop((ANSARU, QAIDA))),
    ("En 2015, le groupe Ansaru a prêté allégeance à Al-Qaïda.", coop((ANSARU, QAIDA))),
    ("Les Houthis sont liés à l’Iran.", coop(("org:houthis", IR))),
    # A participle on a name is said of it: its subject, or the object of a verb that has one.
    ("Le Hezbollah, soutenu par l’Iran, a accusé le Liban.", coop((HEZBOLLAH, IR))),
    ("Les pilotes tunisiens formés par la Turquie sont rentrés.", coop((TN, TR))),
]

NOTHING = [
    # One unnamed official stands beside his company, not for it.
    "Le général Pierre Schill a rencontré le directeur d’Airbus.",
    # What a meeting is about is no party to it.
    "Le général Pierre Schill a tenu une réunion de travail consacrée à la Suède.",
    # Meeting the press relates nobody.
    "Le général Pierre Schill a rencontré des journalistes à Oslo.",
    # A « par » inside a clause on the noun is that clause's agent.
    "La Pologne a salué l’aide aux réfugiés accueillis par la Moldavie.",
    # A merchant ship's flag is no state acting.
    "Un pétrolier grec a fait escale au Portugal.",
    # Attacks linked to a group are no party; who trains is unnamed.
    "Les attaques liées à Al-Qaïda ont augmenté en Somalie.",
    "Les pilotes tunisiens formés en Turquie sont rentrés.",
    # Who salute an act done by someone else are not its doers.
    "Le général Pierre Schill et Olaf Scholz ont salué la signature de l’accord par "
    "l’Union européenne.",
]

# A date opening a sentence with no subject stays a date.
DATED = [
    "Le 3 mars, ont été arrêtés deux officiers marocains.",
    "Hier soir, à Rabat, ont été signés deux accords.",
]

TEXTS = [t for t, _ in CASES] + NOTHING + DATED


def cooperation(relations):
    """Return the cooperation triples of `relations`."""
    return {(r.source, r.target, r.type) for r in relations if r.type == COOP}


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cooperation_is_exactly(relations_of, text, expected):
    assert cooperation(relations_of[text]) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_no_cooperation(relations_of, text):
    assert cooperation(relations_of[text]) == set()


@pytest.mark.parametrize("text", DATED)
def test_a_date_is_no_subject(docs, text):
    assert not [t for t in docs[text] if t.dep_ in ("nsubj", "nsubj:pass")]


# « La rencontre a réuni , à Dakar , le général Pierre Schill . », with the parser's
# reading of the person as an apposition of the place.
PERSON_ON_PLACE = [
    ("La", 1, "det", "O"),
    ("rencontre", 3, "nsubj", "O"),
    ("a", 3, "aux:tense", "O"),
    ("réuni", 3, "ROOT", "O"),
    (",", 3, "punct", "O"),
    ("à", 6, "case", "O"),
    ("Dakar", 3, "obl:mod", "B-LOC"),
    (",", 9, "punct", "O"),
    ("le", 9, "det", "O"),
    ("général", 6, "appos", "O"),
    ("Pierre", 9, "flat:name", "B-PER"),
    ("Schill", 10, "flat:name", "I-PER"),
    (".", 3, "punct", "O"),
]


def hand_parsed(rows):
    """Return a Doc built from (word, head, dep, ent) rows."""
    import spacy
    from spacy.tokens import Doc

    words, heads, deps, ents = zip(*rows, strict=True)
    vocab = spacy.blank("fr").vocab
    return Doc(vocab, words=list(words), heads=list(heads), deps=list(deps), ents=list(ents))


def test_a_person_apposed_to_a_place_hangs_on_the_place_s_head():
    from extract.relations.place_repair import person_off_place

    doc = hand_parsed(PERSON_ON_PLACE)
    assert person_off_place(doc)
    assert doc[9].head.i == 3


def test_a_place_s_own_apposition_stays():
    from extract.relations.place_repair import person_off_place

    rows = [*PERSON_ON_PLACE]
    rows[10:12] = [("sénégalais", 9, "amod", "O"), ("connu", 9, "amod", "O")]
    rows[9] = ("port", 6, "appos", "O")
    doc = hand_parsed(rows)
    assert not person_off_place(doc)
    assert doc[9].head.i == 6
