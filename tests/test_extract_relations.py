"""Relation extraction on French sentences: the exact (source, target, type) set of each."""

from __future__ import annotations

import pytest

MA, QA, IL, US, AE, BH = (
    "country:MA",
    "country:QA",
    "country:IL",
    "country:US",
    "country:AE",
    "country:BH",
)
TR, DZ, FR, ES, TN, EG = (
    "country:TR",
    "country:DZ",
    "country:FR",
    "country:ES",
    "country:TN",
    "country:EG",
)
SA, RU, CN, DE, GB, IR = (
    "country:SA",
    "country:RU",
    "country:CN",
    "country:DE",
    "country:GB",
    "country:IR",
)
SN, ML, MR, IT = "country:SN", "country:ML", "country:MR", "country:IT"
AM, AZ, GR = "country:AM", "country:AZ", "country:GR"
COOP, AFF, PART, OPP = "cooperation", "affiliation", "part_of", "opposition"


def coop(*pairs):
    """Return the cooperation triples of (a, b) pairs, sorted the way the extractor orients them."""
    return {(*sorted(pair), COOP) for pair in pairs}


def opp(*pairs):
    """Return the opposition triples of (a, b) pairs."""
    return {(*sorted(pair), OPP) for pair in pairs}


COOPERATION = [
    ("Le Maroc et le Qatar ont signé un accord de coopération sécuritaire.", coop((MA, QA))),
    ("La France et l’Espagne coopèrent dans la lutte contre le terrorisme.", coop((ES, FR))),
    ("Le Maroc coopère avec la France dans le domaine du renseignement.", coop((FR, MA))),
    ("Un accord de défense a été signé entre le Maroc et Israël.", coop((IL, MA))),
    ("La coopération entre l’Algérie et la Russie s’est renforcée.", coop((DZ, RU))),
    ("Les commandos marocains et israéliens s’entraînent ensemble.", coop((IL, MA))),
    ("Le Maroc a accueilli une délégation qatarie d’experts en sécurité.", coop((MA, QA))),
    ("Des experts qataris effectuent une visite au Maroc.", coop((MA, QA))),
    ("La Turquie forme des pilotes tunisiens.", coop((TN, TR))),
    ("La France a formé des policiers maliens.", coop((FR, ML))),
    ("Le Qatar a apporté son soutien à la Tunisie.", coop((QA, TN))),
    ("Le président égyptien a rencontré son homologue français au Caire.", coop((EG, FR))),
    ("L’Allemagne a livré des blindés à l’Égypte.", coop((DE, EG))),
    ("Les États-Unis et le Royaume-Uni ont mené des manœuvres conjointes.", coop((GB, US))),
    ("Le Sénégal a signé un partenariat avec la Chine.", coop((CN, SN))),
    (
        "L’Espagne et le Maroc ont échangé des informations sur les réseaux criminels.",
        coop((ES, MA)),
    ),
    ("La France a reçu une délégation saoudienne.", coop((FR, SA))),
    ("Karim Benali a rencontré Jean Dupont.", coop(("person:jean-dupont", "person:karim-benali"))),
    (
        "Le Qatar, qui a signé un accord avec le Maroc, a accueilli une délégation turque.",
        coop((MA, QA), (QA, TR)),
    ),
    ("Les armées française et tunisienne ont organisé un exercice conjoint.", coop((FR, TN))),
    ("La coopération du Maroc et de la France est ancienne.", coop((FR, MA))),
    ("L’aide américaine à la Tunisie a augmenté.", coop((TN, US))),
    ("L’OTAN coopère avec la Turquie.", coop(("org:otan", TR))),
    ("Rabat et Doha ont signé un accord de coopération.", coop((MA, QA))),
    ("Des experts marocains ont formé des agents sénégalais à Dakar.", coop((MA, SN))),
    (
        "L’Égypte et l’Arabie saoudite ont signé un mémorandum d’entente sans la Turquie.",
        coop((EG, SA)),
    ),
    # "Partager" is cooperation when what is shared is information, means or know-how.
    (
        "La Tunisie et l’Italie partagent des renseignements sur les réseaux de passeurs.",
        coop((IT, TN)),
    ),
    ("Le Sénégal partage son expertise en cybersécurité avec la Mauritanie.", coop((MR, SN))),
    ("La France et l’Allemagne ont partagé les données de leurs satellites.", coop((DE, FR))),
]

MANY_PARTIES = [
    (
        "Le Maroc, la France et l’Espagne ont signé un accord sur les migrations.",
        coop((ES, FR), (ES, MA), (FR, MA)),
    ),
    (
        "Les Émirats arabes unis, Bahreïn et le Maroc ont conclu des accords avec Israël.",
        coop((AE, IL), (BH, IL), (IL, MA)),
    ),
    (
        "Les soldats français, espagnols et allemands ont participé à un exercice commun.",
        coop((DE, ES), (DE, FR), (ES, FR)),
    ),
    (
        "Un accord tripartite a été signé entre le Maroc, Israël et les États-Unis.",
        coop((IL, MA), (IL, US), (MA, US)),
    ),
    (
        "Le Maroc a signé un accord de coopération militaire avec Israël et les États-Unis.",
        coop((IL, MA), (MA, US)),
    ),
    (
        "Le Maroc a signé un accord avec le Sénégal, le Mali et la Tunisie.",
        coop((MA, ML), (MA, SN), (MA, TN)),
    ),
    ("Le Maroc aide l’Espagne et la France.", coop((ES, MA), (FR, MA))),
    (
        "La France, l’Allemagne et l’Espagne ont formé une alliance.",
        coop((DE, ES), (DE, FR), (ES, FR)),
    ),
]

NOTHING = [
    # Denied.
    "Le Maroc n’a pas signé d’accord avec l’Algérie.",
    "Le Maroc a refusé de coopérer avec l’Algérie.",
    "Aucun accord n’a été signé entre la France et l’Algérie.",
    "La Tunisie n’a jamais coopéré avec Israël.",
    # Ended.
    "Le Niger a mis fin à sa coopération militaire avec la France.",
    "Le Mali a mis un terme à l’accord de défense avec la France.",
    "Le Burkina Faso a cessé sa coopération avec la France.",
    "Le gouvernement espagnol a démenti que l’Espagne ait signé un accord avec le Maroc.",
    "Le Mali a suspendu sa coopération avec la France.",
    "La Russie ne coopère plus avec le Royaume-Uni.",
    "Le Maroc et l’Algérie n’ont signé aucun accord.",
    "Israël et le Maroc ne coopèrent pas.",
    "L’Iran n’a pas menacé Israël.",
    # Named together, related by nothing.
    "Plusieurs pays dont les États-Unis et Israël ont participé à la réunion.",
    "Le Maroc, Israël et les États-Unis sont cités dans le rapport.",
    "Le Maroc a participé aux côtés de plusieurs pays dont les États-Unis et Israël "
    "à une conférence.",
    "Des diplomates français et allemands étaient présents à Rabat.",
    "La France et l’Allemagne sont deux pays européens.",
    "Le Maroc a acheté du gaz à l’Algérie, selon la presse espagnole.",
    "Le Maroc et l’Algérie ont joué un match amical.",
    # Sharing a border, a lake or worries is geography, not cooperation.
    "L’Algérie et le Maroc partagent une frontière de 1 500 kilomètres.",
    "Le Kenya et l’Ouganda partagent le lac Victoria.",
    "Le Niger et le Mali partagent les mêmes défis sécuritaires.",
    "La visite du ministre turc a été reportée.",
    "Les policiers marocains ont arrêté un suspect.",
    # A capital as a place is not its government.
    "Le ministre qatari a visité Rabat.",
    "Le ministre qatari est arrivé de Rabat.",
    # An exchange of fire or of accusations is no exchange of views.
    "Le Hezbollah et Israël échangent des tirs depuis octobre.",
    "Le Hamas et Israël ont échangé des accusations.",
    # Who condemns an attack is not its author; a weapon's maker is not a target.
    "Le Maroc a condamné l’attaque contre la Turquie.",
    "La France a combattu avec le Tchad contre les jihadistes.",
    # Those who speak of a conflict are not its sides.
    "Le Qatar et l’Égypte ont appelé à la fin de la guerre.",
    "La France et l’Allemagne partagent la même analyse de la crise.",
    "Le Sénégal et le Mali ont exprimé leur inquiétude face à la montée des tensions.",
    "Le Qatar et l’Égypte ont condamné la guerre.",
    "Le Qatar et l’Égypte veulent résoudre le conflit.",
    "Le Qatar et l’Égypte s’inquiètent des tensions dans la région.",
]

OPPOSITION = [
    ("L’Algérie menace le Maroc.", opp((DZ, MA))),
    ("L’Iran accuse les États-Unis d’ingérence.", opp((IR, US))),
    ("Les États-Unis ont imposé des sanctions contre l’Iran.", opp((IR, US))),
    ("Le conflit entre l’Iran et Israël s’aggrave.", opp((IL, IR))),
    ("Le Maroc renforce son armement face à l’Algérie.", opp((DZ, MA))),
    ("La France et le Royaume-Uni ont combattu contre l’Allemagne.", opp((DE, FR), (DE, GB))),
    ("La tension entre l’Algérie et le Maroc reste vive.", opp((DZ, MA))),
    ("La Chine a critiqué les États-Unis.", opp((CN, US))),
    ("Le Maroc a dénoncé les menaces de l’Algérie.", opp((DZ, MA))),
    ("La Chine et la Russie ont menacé les États-Unis de sanctions.", opp((CN, US), (RU, US))),
    ("Le Maroc a été sanctionné par les États-Unis.", opp((MA, US))),
    ("L’Algérie accuse le Maroc et Israël de complot.", opp((DZ, IL), (DZ, MA))),
    ("La Tunisie a rompu ses relations avec Israël.", opp((IL, TN))),
    ("Le Maroc a annoncé la rupture de ses relations avec l’Iran.", opp((IR, MA))),
    # The sides of a conflict: its subject, "leur" conflict, "entre" X and Y.
    ("L’Algérie et le Maroc traversent une grave crise diplomatique.", opp((DZ, MA))),
    ("L’Algérie et le Maroc connaissent de fortes tensions.", opp((DZ, MA))),
    ("La Chine et les États-Unis mènent une guerre commerciale.", opp((CN, US))),
    ("L’Arménie et l’Azerbaïdjan ont vécu une guerre en 2020.", opp((AM, AZ))),
    ("Le Maroc et l’Algérie ont discuté du règlement de leur différend.", opp((DZ, MA))),
    ("La Turquie a demandé la fin des hostilités entre l’Iran et Israël.", opp((IL, IR))),
    # An agreement to end something else is still an agreement.
    (
        "Le Maroc et la Mauritanie ont signé un accord pour mettre fin au trafic de drogue.",
        coop((MA, MR)),
    ),
    ("Israël a attaqué le Liban avec des drones américains.", opp((IL, "country:LB"))),
    # The armies are organisations of their states (« l’armée indienne »: org:armee-in).
    (
        "Un échange de tirs a opposé l’armée indienne et l’armée pakistanaise.",
        opp(("org:armee-in", "org:armee-pk"))
        | {("org:armee-in", "country:IN", PART), ("org:armee-pk", "country:PK", PART)},
    ),
    (
        "Le Maroc et l’Espagne échangent des informations sur les réseaux de passeurs.",
        coop((ES, MA)),
    ),
    ("Le Maroc a lancé une attaque contre le Polisario.", opp((MA, "org:polisario"))),
    (
        "L’Algérie a dénoncé l’accord du Maroc avec Israël.",
        opp((DZ, MA)) | coop((IL, MA)),
    ),
    # "entre X et Y" under a one-sided trigger is what it acts on, not its sides.
    ("Le président Tebboune a dénoncé l’alliance entre le Maroc et Israël.", coop((IL, MA))),
    ("L’Iran a financé la guerre entre l’Arménie et l’Azerbaïdjan.", opp((AM, AZ))),
    ("Le Qatar a accueilli une réunion entre les ministres turc et grec.", coop((GR, TR))),
    (
        "La DGST a démantelé une cellule terroriste en coordination avec le FBI.",
        coop(("org:dgst", "org:fbi")),
    ),
    # Speaking of a cooperation is still a statement of its parties.
    ("La Tunisie et l’Italie ont salué la signature de l’accord de coopération.", coop((IT, TN))),
    (
        "Le Maroc coopère avec la France contre le Polisario.",
        coop((FR, MA)) | opp((MA, "org:polisario")),
    ),
    # "son" armement is the Morocco of the sentence before, in the same paragraph.
    (
        "Le Maroc a commandé des drones à la Turquie. "
        "De quoi renforcer son armement face à l’Algérie.",
        opp((DZ, MA)),
    ),
]

HAMMOUCHI, DGSN, DGST = "person:abdellatif-hammouchi", "org:dgsn-ma", "org:dgst"
AMMAR, TAJANI = "person:nabil-ammar", "person:antonio-tajani"
PHRASES = [
    # A post is the next name's, even where the parser hangs a later name on it.
    (
        "Le ministre tunisien Nabil Ammar et son homologue italien Antonio Tajani ont signé "
        "un accord.",
        coop((IT, TN), (AMMAR, TAJANI)) | {(AMMAR, TN, AFF), (TAJANI, IT, AFF)},
    ),
    (
        "Le ministre marocain Nasser Bourita et son homologue espagnol José Manuel Albares "
        "se sont entretenus à Rabat.",
        coop((ES, MA), ("person:nasser-bourita", "person:jose-manuel-albares"))
        | {("person:nasser-bourita", MA, AFF), ("person:jose-manuel-albares", ES, AFF)},
    ),
    (
        "Abdellatif Hammouchi, le chef de la Direction générale de la sécurité nationale (DGSN), "
        "a reçu une délégation.",
        {(HAMMOUCHI, "org:dgsn", AFF)},  # which state's DGSN, the sentence does not say
    ),
    (
        "Le chef de la Direction générale de la surveillance du territoire (DGST), "
        "Abdellatif Hammouchi, a parlé aux "
        "journalistes.",
        {(HAMMOUCHI, DGST, AFF)},
    ),
    # The unnamed Qatari minister's state relates to Morocco, not to Bourita in person.
    (
        "Le ministre marocain Nasser Bourita a rencontré son homologue qatari.",
        {("person:nasser-bourita", MA, AFF)} | coop((MA, QA)),
    ),
    (
        "Nasser Bourita, le ministre marocain des Affaires étrangères, s’est exprimé hier.",
        {("person:nasser-bourita", MA, AFF)},
    ),
    (
        "Ygal Unna, directeur général de la cyber-direction israélienne, était présent.",
        {("person:ygal-unna", IL, AFF)},
    ),
    (
        "Son homologue marocain, le général Mustafa Rabii, a assisté à la cérémonie.",
        {("person:mustafa-rabii", MA, AFF)},
    ),
    # The capital of the mission's country stands for it; the place of the mission does not.
    (
        "David Govrin, chef de la mission diplomatique de Tel-Aviv à Rabat, a parlé.",
        {("person:david-govrin", IL, AFF)},
    ),
    (
        "L’ambassadeur de France au Maroc, Christophe Lecourtier, a visité Casablanca.",
        {("person:christophe-lecourtier", FR, AFF)},
    ),
    (
        "Jean Dupont, membre de l’Organisation des Nations unies (ONU), a parlé.",
        {("person:jean-dupont", "org:onu", AFF)},
    ),
    (
        "Mohammed Ali, directeur de l’Agence marocaine de presse (AMP), "
        "a rencontré des journalistes.",
        {("person:mohammed-ali", "org:amp", AFF), ("org:amp", MA, PART)},
    ),
    (
        "Le président sénégalais Macky Sall a reçu une délégation marocaine.",
        {("person:macky-sall", SN, AFF)} | coop((MA, SN), (MA, "person:macky-sall")),
    ),
    (
        "La Direction générale de la sécurité nationale (DGSN) du Maroc a publié un communiqué.",
        {(DGSN, MA, PART)},
    ),
    (
        "La Gendarmerie royale (GR) marocaine a publié un communiqué.",
        {("org:gendarmerie-royale", MA, PART)},
    ),
    ("Le Mossad israélien a transmis des informations.", {("org:mossad", IL, PART)}),
    (
        "Le Bureau central d’investigations judiciaires (BCIJ) "
        "de la Direction générale de la surveillance du "
        "territoire (DGST) a arrêté trois suspects.",
        {("org:bcij", DGST, PART)},
    ),
]

HEDGED = [
    (
        "Selon des informations non confirmées, le Maroc aurait signé un accord avec Israël.",
        coop((IL, MA)),
    ),
    ("Israël devrait apporter son aide au Maroc.", coop((IL, MA))),
    ("Le Qatar aurait financé des projets en Tunisie avec la Turquie.", coop((QA, TR))),
    ("La France pourrait signer un accord avec l’Algérie.", coop((DZ, FR))),
    ("L’accord entre le Maroc et Israël n’a pas été confirmé.", coop((IL, MA))),
    # The doubt cast by the second sentence reaches the first one of its paragraph.
    (
        "Le Maroc et Israël ont signé un accord. L’information n’a pas été confirmée.",
        coop((IL, MA)),
    ),
]

TEXTS = [t for t, _ in COOPERATION + MANY_PARTIES + OPPOSITION + PHRASES + HEDGED] + NOTHING


def triples(relations):
    """Return the (source, target, type) set of relations."""
    return {(r.source, r.target, r.type) for r in relations}


@pytest.mark.parametrize(("text", "expected"), COOPERATION + MANY_PARTIES + OPPOSITION + PHRASES)
def test_relations_are_exactly(relations_of, text, expected):
    assert triples(relations_of[text]) == expected
    assert not any(r.hedged for r in relations_of[text])


@pytest.mark.parametrize("text", NOTHING)
def test_no_relation(relations_of, text):
    assert relations_of[text] == []


@pytest.mark.parametrize(("text", "expected"), HEDGED)
def test_hedged_relations_are_kept_and_marked(relations_of, text, expected):
    assert triples(relations_of[text]) == expected
    assert all(r.hedged for r in relations_of[text])


def test_evidence_is_the_sentence_with_its_offsets(relations_of):
    text = "Le Maroc et Israël ont signé un accord. L’information n’a pas été confirmée."
    (relation,) = relations_of[text]
    assert relation.sentence == "Le Maroc et Israël ont signé un accord."
    assert text[relation.start_char : relation.end_char] == relation.sentence
    assert relation.trigger in {"signé", "accord"}


def test_opposition_trigger_is_the_marker(relations_of):
    (relation,) = relations_of["Le Maroc renforce son armement face à l’Algérie."]
    assert relation.trigger == "face"


def test_seed_edges_are_stated_relations(seed_results):
    from graph import build_graph

    G = build_graph(seed_results)
    assert not G.has_edge("country:US", "country:IL")
    assert not G.has_edge("person:david-govrin", "country:MA")
    assert "cooperation" in G.edges["country:IL", "country:MA"]["relations"].split("|")
    assert G.edges["person:david-govrin", "country:IL"]["relations"] == "affiliation"
    assert G.edges["org:dgsn-ma", "country:MA"]["relations"] == "part_of"


def test_conflict_verbs_are_read_as_folded_word_forms():
    from extract.relations.lexicons import conflict_verbs

    assert {"traversent", "menent", "vecu", "connaissent", "enlisees"} <= conflict_verbs()
    assert not {"condamnent", "menacent", "guerre"} & conflict_verbs()
