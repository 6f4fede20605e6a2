"""Officials named by their post alone: « le général français » is the general named before."""

from __future__ import annotations

import pytest

COOP, AFF = "cooperation", "affiliation"

DUBOIS = (
    "Le général Marc Dubois, chef d’état-major des armées françaises, est arrivé lundi à "
    "Dakar. La visite doit durer trois jours. "
)

# (text, the person mentions of the descriptions: (text, entity), every edge of the text)
RESOLVED = [
    (
        DUBOIS + "Le général français s’est entretenu avec le président sénégalais Macky Sall.",
        [("général", "person:marc-dubois")],
        {
            ("person:macky-sall", "person:marc-dubois", COOP),
            ("person:macky-sall", "country:SN", AFF),
            ("person:marc-dubois", "country:FR", AFF),
        },
    ),
    (
        "Paulo Mendes Costa, président du Brésil, est arrivé mardi à Paris. "
        "Le président brésilien a rencontré Emmanuel Macron à l’Élysée.",
        [("président", "person:paulo-mendes-costa")],
        {
            ("person:emmanuel-macron", "person:paulo-mendes-costa", COOP),
            ("person:paulo-mendes-costa", "country:BR", AFF),
        },
    ),
    (
        # Of two generals, the one whose post names a body of that state (the knowledge
        # base's); the description's demonym is his affiliation.
        "Le général Mark Dobbs, commandant de l’Africom, et le général Amadou Sow, chef "
        "d’état-major des armées, sont arrivés lundi à Dakar. Le général américain "
        "s’est aussi entretenu avec le président Macky Sall.",
        [("général", "person:mark-dobbs")],
        {
            ("person:macky-sall", "person:mark-dobbs", COOP),
            ("person:mark-dobbs", "org:africom", AFF),
            ("person:mark-dobbs", "country:US", AFF),
        },
    ),
    (
        # A post told apart by its portfolio.
        "Ingrid Dahl, ministre de la Justice, est arrivée lundi à Oslo. La visite doit durer "
        "trois jours. La ministre de la Justice a signé un accord de coopération avec son "
        "homologue Lars Hegge.",
        [("ministre", "person:ingrid-dahl")],
        {("person:ingrid-dahl", "person:lars-hegge", COOP)},
    ),
    (
        # The portfolio and the state of the post named before.
        "Karim Haddad, ministre des Affaires étrangères du Maroc, est arrivé lundi à Paris. "
        "La visite doit durer trois jours. Le ministre des Affaires étrangères marocain a "
        "signé un accord de coopération avec son homologue Lars Hegge.",
        [("ministre", "person:karim-haddad")],
        {
            ("person:karim-haddad", "person:lars-hegge", COOP),
            ("person:karim-haddad", "country:MA", AFF),
        },
    ),
    (
        # « le chef du ministère de X » is « le ministre de X ».
        "Rui Costa, ministre de l’Intérieur, est arrivé lundi à Oslo. La visite doit durer "
        "trois jours. Le chef du ministère de l’Intérieur a signé un accord de coopération "
        "avec son homologue Lars Hegge.",
        [("chef", "person:rui-costa")],
        {("person:lars-hegge", "person:rui-costa", COOP)},
    ),
]

MOREL_VOGT = (
    "Jean Morel, ministre des armées, a reçu lundi Karl Vogt, ministre de la défense de "
    "l’Autriche"
)
NOVAK = ", et Ivan Novak, ministre de la défense de la Croatie"

# (text, the holders the plural post stands for, every edge of the text)
GROUPS = [
    (
        MOREL_VOGT + NOVAK + ". À cette occasion, les ministres ont souligné l’excellence "
        "de leur coopération.",
        ["person:jean-morel", "person:karl-vogt", "person:ivan-novak"],
        {
            ("person:jean-morel", "person:karl-vogt", COOP),
            ("person:ivan-novak", "person:jean-morel", COOP),
            ("person:ivan-novak", "person:karl-vogt", COOP),
            ("person:karl-vogt", "country:AT", AFF),
            ("person:ivan-novak", "country:HR", AFF),
        },
    ),
    (
        MOREL_VOGT + ". Les deux ministres ont signé un accord de coopération.",
        ["person:jean-morel", "person:karl-vogt"],
        {
            ("person:jean-morel", "person:karl-vogt", COOP),
            ("person:karl-vogt", "country:AT", AFF),
        },
    ),
]

GROUPS_NOT_RESOLVED = [
    # Three ministers named, « les deux ministres »: which two is not said.
    MOREL_VOGT + NOVAK + ". Les deux ministres ont signé un accord de coopération.",
    # A complement makes it other ministers.
    MOREL_VOGT + ". Les ministres de l’Union ont signé un accord de coopération.",
    # An adjective makes them other ministers.
    MOREL_VOGT + ". Les ministres européens ont signé un accord de coopération.",
    # One minister only.
    "Jean Morel, ministre des armées, a reçu lundi le général Karl Vogt. Les ministres ont "
    "signé un accord de coopération.",
]

NOT_RESOLVED = [
    # Two generals named before: which one is « le général » is not said.
    "Le général Marc Dubois et le général Paul Martin sont arrivés lundi à Dakar. La visite "
    "doit durer trois jours. Le général s’est entretenu avec le président sénégalais Macky Sall.",
    # The description has its own name.
    "Le général Marc Dubois est arrivé lundi à Dakar. Le général Paul Martin s’est entretenu "
    "avec le président sénégalais Macky Sall.",
    "Le général Marc Dubois est arrivé lundi à Dakar. Le général français, Paul Martin, s’est "
    "entretenu avec le président sénégalais Macky Sall.",
    # No person named before.
    "La visite doit durer trois jours. Le général français s’est entretenu avec le président "
    "sénégalais Macky Sall.",
    # The one president named before is of another state.
    "Paulo Mendes Costa, président du Brésil, est arrivé mardi à Paris. Le président "
    "français a rencontré Olaf Scholz à Berlin.",
    # Neither general's post names France.
    "Le général Mark Dobbs, commandant de l’Africom, et le général Amadou Sow, chef "
    "d’état-major des armées, sont arrivés lundi à Dakar. Le général français "
    "s’est aussi entretenu avec le président Macky Sall.",
    # The one minister of that portfolio named before is of another state.
    "Karim Haddad, ministre des Affaires étrangères du Maroc, est arrivé lundi à Paris. La "
    "visite doit durer trois jours. Le ministre des Affaires étrangères français a signé un "
    "accord de coopération avec son homologue Lars Hegge.",
    # Two ministers of the Interior named before (of two states).
    "Le ministre de l’Intérieur italien Paolo Conti a reçu le ministre de l’Intérieur "
    "tunisien Karim Haddad. La visite doit durer trois jours. Le ministre de l’Intérieur a "
    "signé un accord avec le général Ali Mansour.",
    # The one minister named before holds another portfolio.
    "Ingrid Dahl, ministre de la Justice, est arrivée lundi à Oslo. La visite doit durer "
    "trois jours. Le ministre de l’Intérieur a signé un accord de coopération avec son "
    "homologue Lars Hegge.",
    # A complement makes it another post.
    "Paulo Mendes Costa, président du Brésil, est arrivé mardi à Paris. Le président "
    "de la commission a rencontré Olaf Scholz à Berlin.",
]

TEXTS = (
    [text for text, _, _ in RESOLVED]
    + NOT_RESOLVED
    + [text for text, _, _ in GROUPS]
    + GROUPS_NOT_RESOLVED
)


def post_mentions(doc) -> list[tuple[str, str]]:
    """Return the person mentions that are a post word, not a name."""
    return [
        (m.text, m.entity)
        for m in doc._.coopgraph_mentions
        if m.type == "person" and not m.text[:1].isupper()
    ]


@pytest.mark.parametrize(("text", "expected", "edges"), RESOLVED)
def test_description_stands_for_the_one_official_named_before(docs, text, expected, edges):
    doc = docs[text]
    assert post_mentions(doc) == expected
    assert {(r.source, r.target, r.type) for r in doc._.coopgraph_relations} == edges


@pytest.mark.parametrize("text", NOT_RESOLVED)
def test_description_without_one_candidate_is_left_alone(docs, text):
    assert post_mentions(docs[text]) == []


def group_holders(doc) -> list[str]:
    """Return the persons the plural post mentions stand for."""
    return [m.entity for m in doc._.coopgraph_mentions if m.type == "person" and m.text.islower()]


@pytest.mark.parametrize(("text", "expected", "edges"), GROUPS)
def test_plural_post_stands_for_every_holder_named_before(docs, text, expected, edges):
    doc = docs[text]
    assert group_holders(doc) == expected
    assert {(r.source, r.target, r.type) for r in doc._.coopgraph_relations} == edges


@pytest.mark.parametrize("text", GROUPS_NOT_RESOLVED)
def test_plural_post_without_its_holders_is_left_alone(docs, text):
    assert group_holders(docs[text]) == []
