"""Cooperation between officials and among many parties: who a long post's phrase stands
for, the states officials are named with, meeting verbs, joint aid, and what is no
cooperation (a readiness, a prize, the press). Exact (source, target, type) sets."""

from __future__ import annotations

import pytest

MA, TN, SN, DZ, FR, IN = (
    "country:MA", "country:TN", "country:SN", "country:DZ", "country:FR", "country:IN"
)  # fmt: skip
ES, PT, QA, TR, GR = "country:ES", "country:PT", "country:QA", "country:TR", "country:GR"
RU = "country:RU"
DE, UA, ML, JP, AU, US, CN = (
    "country:DE", "country:UA", "country:ML", "country:JP", "country:AU", "country:US", "country:CN"
)  # fmt: skip
ALAOUI, BEN_SALAH = "person:karim-alaoui", "person:ahmed-ben-salah"
MARTIN, DUPONT = "person:jean-martin", "person:jean-dupont"
DURAND = "person:marc-durand"
COOP, AFF = "cooperation", "affiliation"
MINISTRY = "org:ministere-defense-ma"


def coop(*pairs):
    """Return the cooperation triples of (a, b) pairs, oriented as the extractor does."""
    return {(*sorted(pair), COOP) for pair in pairs}


OFFICIALS = [
    # The party is the name at the end of the post's phrase, comma or not.
    (
        "Le ministre marocain Karim Alaoui a reçu son homologue tunisien, Ahmed Ben Salah.",
        coop((MA, TN), (ALAOUI, BEN_SALAH)) | {(ALAOUI, MA, AFF), (BEN_SALAH, TN, AFF)},
    ),
    (
        "Karim Alaoui s’est entretenu lundi à Tunis avec le directeur général de la police "
        "nationale tunisienne, M. Ahmed Ben Salah.",
        coop((ALAOUI, BEN_SALAH)) | {(BEN_SALAH, TN, AFF)},
    ),
    (
        "Ahmed Ben Salah a été reçu par le Premier ministre marocain, Karim Alaoui.",
        coop((ALAOUI, BEN_SALAH)) | {(ALAOUI, MA, AFF)},
    ),
    # A passive subject the parser leaves active is still who is received.
    (
        "Le président de la Commission de l’Union africaine, Karim Alaoui, a été reçu jeudi "
        "par le Premier ministre de la République du Sénégal, Ahmed Ben Salah.",
        coop((ALAOUI, BEN_SALAH), ("org:commission-ua", SN))
        | {(ALAOUI, "org:commission-ua", AFF), (BEN_SALAH, SN, AFF)},
    ),
    # Each of several officials in a list is a party.
    (
        "Karim Alaoui a eu des entretiens avec le commandant de la force onusienne, le général "
        "Jean Martin, et le ministre de l’Intérieur, Ahmed Ben Salah.",
        coop((ALAOUI, MARTIN), (ALAOUI, BEN_SALAH)),
    ),
    (
        "La rencontre qui a réuni Karim Alaoui et Ahmed Ben Salah a porté sur la sécurité.",
        coop((ALAOUI, BEN_SALAH)),
    ),
    ("Le Qatar a réuni les ministres turc et grec à Doha.", coop((QA, TR), (GR, QA), (GR, TR))),
    # The body an official acts for signs with him; it pairs with bodies, he with persons.
    (
        "Karim Alaoui, directeur des achats du ministère marocain de la Défense, a signé le "
        "contrat avec Jean Dupont, PDG de Thales.",
        coop((ALAOUI, DUPONT), (MINISTRY, "org:thales"), (MA, "org:thales"))
        | {(ALAOUI, MINISTRY, AFF), (ALAOUI, MA, AFF), (DUPONT, "org:thales", AFF)}
        | {(MINISTRY, MA, "part_of")},
    ),
]

MANY_PARTIES = [
    # Every pair of several signatories, each named with his post: persons with persons,
    # the bodies they act for with each other.
    (
        "Karim Alaoui, ministre de la Défense marocain, Jean Dupont, PDG de Thales, et Marc "
        "Durand, PDG d’Airbus, ont signé un protocole d’accord.",
        coop((ALAOUI, DUPONT), (ALAOUI, DURAND), (DUPONT, DURAND))
        | coop((MA, "org:thales"), (MA, "org:airbus"), ("org:airbus", "org:thales")),
    ),
    # Who help together act together; those they help are not thereby partners.
    (
        "L’Espagne et le Portugal ont aidé les autorités marocaines et tunisiennes.",
        coop((ES, MA), (ES, TN), (MA, PT), (PT, TN), (ES, PT)),
    ),
    (
        "La Marine marocaine a choisi de travailler avec le groupe Thales.",
        coop(("org:marine-ma", "org:thales")) | {("org:marine-ma", MA, "part_of")},
    ),
    ("La France a ouvert des négociations avec l’Inde.", coop((FR, IN))),
    # An infinitive on the object of a verb is that verb's subject's.
    (
        "Karim Alaoui et Ahmed Ben Salah ont rappelé l’intérêt d’approfondir la coopération "
        "entre leurs services.",
        coop((ALAOUI, BEN_SALAH)),
    ),
    ("Le Maroc et la France ont souligné la nécessité de coopérer.", coop((FR, MA))),
    # A participle on an aid noun carries its partners; who supports the aid gives it.
    ("L’Allemagne soutient l’aide accordée à l’Ukraine.", coop((DE, UA))),
    ("L’aide apportée par la France au Mali a augmenté.", coop((FR, ML))),
    # A compound demonym names both states, also on the noun the trigger complements;
    # who salutes their cooperation is not a party to it.
    ("La coopération franco-allemande reste solide.", coop((DE, FR))),
    ("Le programme de coopération militaire algéro-russe a été renouvelé.", coop((DZ, RU))),
    ("Le Japon a salué la coopération franco-allemande.", coop((DE, FR))),
    ("Les exercices sino-russes ont commencé.", coop((CN, RU))),
    # « allié de » in apposition is said of the name it describes, who alone signs.
    (
        "Le Japon et l’Australie, deux alliés des États-Unis, ont signé un accord.",
        coop((AU, JP), (JP, US), (AU, US)),
    ),
    (
        "Le Japon, allié des États-Unis, a signé un accord avec la Chine.",
        coop((JP, US), (CN, JP)),
    ),
]

NOTHING = [
    # An unnamed American general met Ben Salah: the United States is not his partner.
    "Le général français s’est aussi entretenu avec le chef du gouvernement, Ahmed Ben Salah, "
    "et le ministre de la Défense, Youssef Trabelsi.",
    # The press, a prize, criticism: met or received, but no cooperation.
    "Karim Alaoui s’est entretenu avec la presse marocaine.",
    "Le Maroc a reçu des critiques de l’Union européenne.",
    "Karim Alaoui a reçu le prix de la Fondation Mandela.",
    # A readiness is not an act.
    "Le président algérien s’est dit ouvert au dialogue avec son homologue marocain.",
    "Le Maroc est prêt à coopérer avec l’Algérie.",
    "Le président algérien a affirmé être disposé à rencontrer son homologue marocain.",
    # Who rejects the idea of cooperating does not cooperate.
    "L’Algérie a rejeté l’idée de coopérer avec le Maroc.",
    # A compound whose last part is no demonym names no state.
    "La coopération anglo-saxonne avec le Maroc reste solide.",
    # A trigger word inside a name is not a trigger.
    "L’Agence de coopération internationale de Corée a publié un rapport sur le Maroc.",
]

TEXTS = [t for t, _ in OFFICIALS + MANY_PARTIES] + NOTHING


def triples(relations):
    """Return the (source, target, type) set of relations."""
    return {(r.source, r.target, r.type) for r in relations}


@pytest.mark.parametrize(("text", "expected"), OFFICIALS + MANY_PARTIES)
def test_cooperation_is_exactly(relations_of, text, expected):
    assert {t for t in triples(relations_of[text]) if t[2] == COOP} == {
        t for t in expected if t[2] == COOP
    }


@pytest.mark.parametrize("text", NOTHING)
def test_no_cooperation(relations_of, text):
    assert not [r for r in relations_of[text] if r.type == COOP]


# « La Garde nationale tunisienne a lancé des manœuvres . », the demonym misparsed as a
# second subject: it qualifies the Guard, it is no second party to the manœuvres.
STRAY_DEMONYM = [
    ("La", 1, "det", "O"),
    ("Garde", 5, "nsubj", "B-ORG"),
    ("nationale", 1, "amod", "I-ORG"),
    ("tunisienne", 5, "nsubj", "B-COUNTRY"),
    ("a", 5, "aux:tense", "O"),
    ("lancé", 5, "ROOT", "O"),
    ("des", 7, "det", "O"),
    ("manœuvres", 5, "obj", "O"),
    (".", 5, "punct", "O"),
]


def test_a_demonym_misparsed_as_a_subject_is_no_party():
    import spacy
    from spacy.tokens import Doc

    from extract.records import Mention
    from extract.relations.frames import FrameFinder
    from extract.relations.parties import SentenceParties

    words, heads, deps, ents = zip(*STRAY_DEMONYM, strict=True)
    vocab = spacy.blank("fr").vocab
    doc = Doc(vocab, words=list(words), heads=list(heads), deps=list(deps), ents=list(ents))
    kinds = {"ORG": ("organization", "org:gn"), "COUNTRY": ("country", TN)}
    mentions = [
        Mention(e.text, e.start_char, e.end_char, 0, *kinds[e.label_]) for e in doc.ents
    ]
    [sent] = doc.sents
    parties = SentenceParties(doc, sent, mentions)
    frames = FrameFinder(sent, parties, list).frames()
    assert [pair for frame in frames for pair in frame.pairs()] == []
    assert [m.entity for m in parties.agents(doc[5])] == ["org:gn"]
