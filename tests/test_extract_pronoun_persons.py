"""Officials named by a subject pronoun: « Il s’est entretenu avec… » is the one named before."""

from __future__ import annotations

import pytest

COOP, AFF = "cooperation", "affiliation"

# (text, the person mentions of the pronouns: (text, entity), every edge of the text)
RESOLVED = [
    (
        "Le ministre indien Rajan Mehta est arrivé jeudi. "
        "Il s’est entretenu avec son homologue omanais Said Al-Busaidi.",
        [("Il", "person:rajan-mehta")],
        {
            ("person:rajan-mehta", "person:said-al-busaidi", COOP),
            ("person:rajan-mehta", "country:IN", AFF),
            ("person:said-al-busaidi", "country:OM", AFF),
        },
    ),
    (
        # An inverted pronoun after a quote, on a line of its own.
        "La ministre kényane Grace Wambui a ouvert lundi la conférence de Nairobi.\n"
        "« Nous voulons avancer », a-t-elle déclaré lors d’une réunion avec son homologue "
        "ghanéen Kofi Mensah.",
        [("-elle", "person:grace-wambui")],
        {
            ("person:grace-wambui", "person:kofi-mensah", COOP),
            ("person:grace-wambui", "country:KE", AFF),
            ("person:kofi-mensah", "country:GH", AFF),
        },
    ),
    (
        # In a subordinate clause, the one person named before in the sentence.
        "Le déplacement du président Paulo Mendes à Lisbonne, où il s’est entretenu avec le "
        "Premier ministre Luís Barros, a été bref.",
        [("il", "person:paulo-mendes")],
        {("person:luis-barros", "person:paulo-mendes", COOP)},
    ),
]

# « ils »: every person of the coordinated subject of the sentence before.
GROUPS = [
    (
        "Le ministre Rajan Mehta et le général Arun Kapoor sont arrivés jeudi à Mascate. "
        "Ils se sont entretenus avec le sultan Haitham Al-Tariq.",
        [("Ils", "person:rajan-mehta"), ("Ils", "person:arun-kapoor")],
        {
            ("person:haitham-al-tariq", "person:rajan-mehta", COOP),
            ("person:arun-kapoor", "person:haitham-al-tariq", COOP),
        },
    ),
]

NOT_RESOLVED = [
    # Two persons named before: which one « il » is is not said.
    "Le ministre Rajan Mehta et le général Arun Kapoor sont arrivés jeudi à Mascate. "
    "Il s’est entretenu avec le sultan Haitham Al-Tariq.",
    # The one person named before is not the subject: « il » may be the subject.
    "Le Canada a reçu jeudi le ministre indien Rajan Mehta. "
    "Il a signé un accord de coopération avec le Japon.",
    # The person is only in the subject's complement: « il » is the party.
    "Le parti de Karim Haddad a remporté les élections. "
    "Il a signé un accord de coopération avec l’Espagne.",
    # The title gives the other gender.
    "La ministre kényane Grace Wambui est arrivée lundi à Accra. "
    "Il s’est entretenu avec le président ghanéen Kofi Mensah.",
    "Le ministre indien Rajan Mehta est arrivé jeudi. "
    "Elle s’est entretenue avec le président ghanéen Kofi Mensah.",
    # « ils » after a subject and an object: who is meant is not said.
    "Le président Paulo Mendes a reçu lundi le Premier ministre Luís Barros. "
    "Ils ont signé un accord avec la Norvège.",
    # Another person named before « ils » in its own sentence.
    "Le président Paulo Mendes et le Premier ministre Luís Barros ont visité Oslo. "
    "Selon le ministre Ola Berg, ils ont signé un accord avec la Norvège.",
    # An impersonal « il ».
    "Le ministre indien Rajan Mehta est arrivé jeudi. "
    "Il faut coopérer avec le Japon, a dit un conseiller.",
    # A main clause's « il » after « selon X »: someone else speaks of X.
    "Selon le ministre indien Rajan Mehta, il a rencontré le président ghanéen Kofi Mensah.",
]

TEXTS = [text for text, _, _ in RESOLVED + GROUPS] + NOT_RESOLVED


def pronoun_mentions(doc) -> list[tuple[str, str]]:
    """Return the person mentions that are a pronoun."""
    return [
        (m.text, m.entity)
        for m in doc._.coopgraph_mentions
        if m.type == "person" and m.text.lower().lstrip("-") in ("il", "elle", "ils")
    ]


@pytest.mark.parametrize(("text", "expected", "edges"), RESOLVED + GROUPS)
def test_pronoun_stands_for_the_one_person_named_before(docs, text, expected, edges):
    doc = docs[text]
    assert pronoun_mentions(doc) == expected
    assert {(r.source, r.target, r.type) for r in doc._.coopgraph_relations} == edges


@pytest.mark.parametrize("text", NOT_RESOLVED)
def test_pronoun_without_one_candidate_is_left_alone(docs, text):
    assert pronoun_mentions(docs[text]) == []
