"""Affiliation and part_of on French sentences: posts in any position, chains of posts,
leaders named by a verb, acronyms described by their long form, and the near misses that
must relate nothing. Exact (source, target, type) sets."""

from __future__ import annotations

import pytest

GB, LV, FR, RU, DZ, GN = (
    "country:GB", "country:LV", "country:FR", "country:RU", "country:DZ", "country:GN"
)  # fmt: skip
LA, MN, CA, AR, MA, BR = (
    "country:LA", "country:MN", "country:CA", "country:AR", "country:MA", "country:BR"
)  # fmt: skip
ML, GR, LY, CN, LB, NE, PS, SN = (
    "country:ML", "country:GR", "country:LY", "country:CN", "country:LB", "country:NE",
    "country:PS", "country:SN",
)  # fmt: skip
US = "country:US"
AFF, PART = "affiliation", "part_of"
TAZI = "person:ahmed-tazi"

POSTS = [
    # A demonym after the portfolio, the name in commas or not.
    (
        "Le ministre de la Défense britannique, John Healey, a visité une base navale.",
        {("person:john-healey", GB, AFF)},
    ),
    (
        "Le ministre de la Défense letton Andris Spruds a visité une base aérienne.",
        {("person:andris-spruds", LV, AFF)},
    ),
    (
        "Le directeur général de la police nationale française, M. Pierre Martin, "
        "a signé le texte.",
        {
            ("person:pierre-martin", "org:police-nationale", AFF),
            ("person:pierre-martin", FR, AFF),
            ("org:police-nationale", FR, PART),
        },
    ),
    (
        "Le président russe, Vladimir Poutine, a déclaré que la guerre continuerait.",
        {("person:vladimir-poutine", RU, AFF)},
    ),
    (
        "La signature par le président français d’alors Pierre Lambert a eu lieu en 2008.",
        {("person:pierre-lambert", FR, AFF)},
    ),
    # A state's body qualified by a demonym: its official serves it and the state it
    # names; not a company's, nor a people's movement's (« du peuple iranien »); a state
    # by its formal name.
    (
        "Le commandant de la Garde nationale tunisienne, Ahmed Ben Salah, a inspecté les "
        "troupes.",
        {
            ("person:ahmed-ben-salah", "org:garde-nationale-tn", AFF),
            ("person:ahmed-ben-salah", "country:TN", AFF),
            ("org:garde-nationale-tn", "country:TN", PART),
        },
    ),
    (
        "Le directeur de la Compagnie ivoirienne d’électricité, Paul Kouassi, a signé.",
        {
            ("person:paul-kouassi", "org:compagnie-ivoirienne-d-electricite", AFF),
            ("org:compagnie-ivoirienne-d-electricite", "country:CI", PART),
        },
    ),
    (
        "Le porte-parole du Mouvement de libération du peuple iranien, Jean Dupont, a parlé.",
        {("person:jean-dupont", "org:mouvement-de-liberation-du-peuple-ir", AFF)},
    ),
    (
        "Le ministre de la Défense de la République de Guinée, Amadou Ba, a parlé.",
        {("person:amadou-ba", GN, AFF)},
    ),
    # A post after the name: a hyphenated post, an age, "alors", a workplace after "à".
    (
        "Thierry Burkhard, chef d’état-major des armées françaises, a inspecté les troupes.",
        {("person:thierry-burkhard", FR, AFF)},
    ),
    (
        "Kaja Kallas, ex-Première ministre estonienne, dirige la diplomatie européenne.",
        {("person:kaja-kallas", "country:EE", AFF)},
    ),
    (
        "Karim Benali, 52 ans, conseiller à l’ambassade d’Algérie, a été expulsé.",
        {("person:karim-benali", DZ, AFF)},
    ),
    (
        "Le général Omar Diallo, alors chef de la police en Guinée, a démissionné.",
        {("person:omar-diallo", GN, AFF)},
    ),
    (
        "Jean Durand, président-directeur général d’Airbus, a présenté les résultats.",
        {("person:jean-durand", "org:airbus", AFF)},
    ),
    (
        "Maria Lopez, chercheuse à l’Institut français des relations internationales (IFRI), "
        "a publié une étude.",
        {("person:maria-lopez", "org:ifri", AFF), ("org:ifri", FR, PART)},
    ),
    # A post naming two organisations; a chain of posts.
    (
        "Le directeur de la Direction générale de la sécurité nationale (DGSN) et de la "
        "Direction générale de la surveillance du territoire (DGST), Ahmed Tazi, a parlé aux "
        "journalistes.",
        {(TAZI, "org:dgsn", AFF), (TAZI, "org:dgst", AFF)},
    ),
    (
        "Le général Tran Van Minh, membre du Bureau politique, vice-président de la Commission "
        "militaire centrale et ministre de la Défense du Laos, a assisté à la cérémonie.",
        {
            ("person:tran-van-minh", "org:bureau-politique", AFF),
            ("person:tran-van-minh", "org:commission-militaire-centrale", AFF),
            ("person:tran-van-minh", LA, AFF),
        },
    ),
    # A diplomat serves the state that sends them, not the one they are posted to.
    (
        "L’ambassadeur mongol au Japon, Batbold Tsend, a assisté à la cérémonie.",
        {("person:batbold-tsend", MN, AFF)},
    ),
    (
        "L’ambassadeur du Canada en Ukraine, Paul Roy, a assisté à la cérémonie.",
        {("person:paul-roy", CA, AFF)},
    ),
    # A portfolio the entity rules missed is no organisation of the minister's.
    (
        "Le ministre français des Armées, Paul Renaud, a pris la parole.",
        {("person:paul-renaud", FR, AFF)},
    ),
    (
        "Le représentant permanent du Maroc à l’ONU, Omar Hilale, a pris la parole.",
        {("person:omar-hilale", MA, AFF)},
    ),
    (
        "L’ambassadeur chinois au Maroc Li Changlin a visité Rabat.",
        {("person:li-changlin", CN, AFF)},
    ),
    # Each name takes the demonym before it.
    (
        "Les présidents français Emmanuel Macron et argentin Javier Milei ont assisté au sommet.",
        {("person:emmanuel-macron", FR, AFF), ("person:javier-milei", AR, AFF)},
    ),
    # The adviser, not the president; the counterpart of a Moroccan is not Moroccan.
    (
        "Le Brésil sera représenté par le conseiller spécial du président, Carlos Pereira.",
        {("person:carlos-pereira", BR, AFF)},
    ),
    ("L’homologue du ministre marocain, Pierre Martin, a parlé.", set()),
    # The demonym of "affaires" is the bureau's subject matter, not its owner.
    (
        "Le porte-parole du bureau des affaires coréennes du Conseil d’État, Wang Lei, a parlé.",
        {("person:wang-lei", "org:conseil-d-etat", AFF)},
    ),
]

LEADERS = [
    (
        "L’Union africaine, présidée par Moussa Diarra, a condamné le coup d’État.",
        {("person:moussa-diarra", "org:ua", AFF)},
    ),
    (
        "Le gang Grand Ravine, dirigé par Jean Pierre Hilaire, contrôle la route.",
        {("person:jean-pierre-hilaire", "org:grand-ravine", AFF)},
    ),
    (
        "Marie Martin préside le Comité international de la Croix-Rouge.",
        {("person:marie-martin", "org:cicr", AFF)},
    ),
    (
        "Pierre Durand représente la France au Conseil de sécurité.",
        {("person:pierre-durand", FR, AFF)},
    ),
    (
        "Jean Martin, qui dirige l’OTAN depuis 2020, a parlé.",
        {("person:jean-martin", "org:otan", AFF)},
    ),
    # The post "qui représente la France" is the minister's, and names nobody.
    ("Le ministre, qui représente la France, a parlé avec Jean Martin.", set()),
    (
        "Depuis l’arrivée de Mahmoud Abbas à la tête de l’Autorité palestinienne, "
        "rien n’a changé.",
        {
            ("person:mahmoud-abbas", "org:autorite-palestinienne", AFF),
            ("org:autorite-palestinienne", PS, PART),
        },
    ),
    (
        "Le ministre Ahmed Ali, à la tête d’une délégation marocaine, est arrivé à Paris.",
        {("person:ahmed-ali", MA, AFF)},
    ),
    (
        "La Communauté des États sahéliens, dont le Niger est membre, a condamné l’attaque.",
        {(NE, "org:communaute-des-etats-saheliens", PART)},
    ),
    (
        "Omar Sy, le Premier ministre de l’île qui exerce actuellement la présidence tournante "
        "de l’Union africaine, a parlé.",
        {("person:omar-sy", "org:ua", AFF)},
    ),
    # A state presiding a council is not its member by that: persons only.
    ("La France exerce la présidence du Conseil de sécurité.", set()),
    # Who orders a state's action speaks for that state.
    (
        "Le sommet s’est ouvert en raison du boycott américain ordonné par le président "
        "Tom Harlan.",
        {("person:tom-harlan", "country:US", AFF)},
    ),
    # An inquiry ordered by a judge: the state qualifies what the inquiry is about.
    ("L’enquête sur l’attaque ukrainienne, ordonnée par le juge Igor Petrov, a commencé.", set()),
]

OWNERS = [
    (
        "Le gouvernement libyen d’union nationale (GNA) a dénoncé l’offensive.",
        {("org:gna", LY, PART)},
    ),
    (
        "L’Armée populaire de libération (APL) chinoise a démenti l’information.",
        {("org:apl", CN, PART)},
    ),
    (
        "La DGSE, l’agence française de renseignement extérieur, a démenti l’information.",
        {("org:dgse", FR, PART)},
    ),
    (
        "Le Hezbollah, le mouvement chiite libanais, a revendiqué l’attaque.",
        {("org:hezbollah", LB, PART)},
    ),
    (
        "Des soldats de la FINUL, la force de l’ONU au Liban, ont été blessés.",
        {("org:finul", "org:onu", PART)},
    ),
]

NEAR_MISSES = [
    # Another person's name between the post and this name.
    (
        "Le ministre marocain Nasser Bourita et Pierre Martin ont assisté à la cérémonie.",
        {("person:nasser-bourita", MA, AFF)},
    ),
    (
        "Nikos Dendias, ministre de la Défense grec, Pierre Dupont, président de Thales, et "
        "Paul Roy, directeur de MBDA, ont assisté à la cérémonie.",
        {
            ("person:nikos-dendias", GR, AFF),
            ("person:pierre-dupont", "org:thales", AFF),
            ("person:paul-roy", "org:mbda", AFF),
        },
    ),
    (
        "Le général Paul Roy, ancien chef de l’armée française, et le colonel Marc Petit ont "
        "assisté à la cérémonie.",
        {
            ("person:paul-roy", "org:armee-francaise", AFF),
            ("person:paul-roy", FR, AFF),
            ("org:armee-francaise", FR, PART),
        },
    ),
    # "et le chef d'état-major" is someone else: the chain of posts stops.
    (
        "Jean Martin, ministre de la Défense du Mali, et le chef d’état-major, le général "
        "Amadou Traoré, ont assisté à la cérémonie.",
        {("person:jean-martin", ML, AFF)},
    ),
    # A place after a post; a victim beside a demonym; a person merely cited.
    (
        "Le ministre sénégalais, en visite à Paris, Amadou Ba, a assisté à la cérémonie.",
        {("person:amadou-ba", SN, AFF)},
    ),
    ("Des agents russes sont soupçonnés du meurtre de Boris Volkov.", set()),
    # A bare "de" after a rank is the rank's name ("général d'armée", "de brigade").
    ("Le Général d’Armée, Saïd Benali, a reçu une délégation.", set()),
    (
        "Le général de brigade Ahmed Diallo, chef de la Garde nationale, a parlé.",
        {("person:ahmed-diallo", "org:garde-nationale", AFF)},
    ),
    ("Le ministre de l’Intérieur, en Algérie depuis lundi, Gérald Darmanin, a parlé.", set()),
    ("Le ministre canadien a cité Jean Dupont dans son discours.", set()),
    # No affiliation: a threat "pour" a state is an opposition (tests of that kind in
    # test_extract_relations_opposition.py).
    (
        "Pierre Durand représente une menace pour la France.",
        {("country:FR", "person:pierre-durand", "opposition")},
    ),
    # A movement speaking for a people is not its state's; a new clause is no apposition
    # (the army is Russia's by its demonym, not NATO's by the source).
    ("L’Organisation de libération du peuple iranien (OLPI) a manifesté à Paris.", set()),
    (
        "D’après un rapport de l’OTAN, l’armée russe a renforcé ses positions.",
        {("org:armee-russe", RU, PART)},
    ),
    (
        "D’après l’OTAN, l’armée russe, qui a perdu des chars, a reculé.",
        {("org:armee-russe", RU, PART)},
    ),
    ("La DGSN, la police marocaine et la gendarmerie ont saisi de la drogue.", set()),
]

CASES = POSTS + LEADERS + OWNERS + NEAR_MISSES


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_affiliations_are_exactly(relations_of, text, expected):
    assert {(r.source, r.target, r.type) for r in relations_of[text]} == expected


def test_a_sentence_does_not_end_before_a_name(nlp):
    doc = nlp("Le ministre de la Défense letton Andris Spruds a visité une base.\nUne autre ligne")
    assert [sent.text.strip() for sent in doc.sents] == [
        "Le ministre de la Défense letton Andris Spruds a visité une base.",
        "Une autre ligne",
    ]


def test_a_hyphenated_word_stays_in_its_sentence(nlp):
    doc = nlp("Karim B., 46 ans, est chef d’état-major des armées. Il a parlé.")
    assert [sent.text.strip() for sent in doc.sents] == [
        "Karim B., 46 ans, est chef d’état-major des armées.",
        "Il a parlé.",
    ]
