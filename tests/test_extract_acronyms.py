"""Acronyms: defined acronyms join their long forms; compound ones give each organisation."""

from __future__ import annotations

import pytest

from extract.entities.acronyms import matches_initials


@pytest.mark.parametrize(
    ("acronym", "text", "expected"),
    [
        ("DGSN", "Direction générale de la sécurité nationale", True),
        ("OMS", "Organisation mondiale de la santé", True),
        ("ONU", "Organisation des Nations unies", True),
        ("DGSN", "Direction générale", False),
    ],
)
def test_matches_initials(acronym, text, expected):
    assert matches_initials(acronym, text) is expected


def orgs(doc) -> dict[str, tuple[str, ...]]:
    return {e.id: e.aliases for e in doc._.coopgraph_entities if e.type == "organization"}


CASES = [
    (
        "La Direction générale de la sécurité nationale (DGSN) a publié un rapport. "
        "La DGSN a ajouté que la Direction générale de la sécurité nationale restait mobilisée.",
        {"org:dgsn": ("Direction générale de la sécurité nationale", "DGSN")},
    ),
    (
        "La DGSN (Direction générale de la sûreté nationale) coopère avec ses partenaires.",
        {"org:dgsn": ("DGSN", "Direction générale de la sûreté nationale")},
    ),
    (
        "La Direction générale de la sécurité nationale et de la surveillance du territoire "
        "(DGSN-DGST) du Maroc a démantelé une cellule.",
        {
            "org:dgsn-ma": ("Direction générale de la sécurité nationale", "DGSN"),
            "org:dgst": ("DGST",),
        },
    ),
    (
        "L’Organisation mondiale de la santé (OMS) alerte. L’OMS recommande la vaccination.",
        {"org:oms": ("Organisation mondiale de la santé", "OMS")},
    ),
    ("Le FBI et la CIA ont enquêté sur l’attaque.", {"org:fbi": ("FBI",), "org:cia": ("CIA",)}),
    ("L’OTAN et l’ONU ont condamné l’attaque.", {"org:otan": ("OTAN",), "org:onu": ("ONU",)}),
    ("Le PIB du Maroc a progressé de 3 % selon la BAD.", {"org:bad": ("BAD",)}),
    ("Les USA et les EAU ont signé un accord avec la RDC.", {}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_organisations_and_their_aliases(docs, text, expected):
    assert orgs(docs[text]) == expected


RULE_CASES = [
    # an acronym the text spells as a common noun is no organisation, anywhere in the text
    (
        "Les organismes génétiquement modifiés (OGM) inquiètent le Maroc. Les OGM sont interdits.",
        {},
    ),
    # nor is a title's abbreviation, a dateline, a place's code or a product
    ("Le DG de la DGSN a reçu son homologue.", {"org:dgsn": ("DGSN",)}),
    ("RABAT, 12 mars – Le Maroc a signé un accord avec le Qatar.", {}),
    ("Les aéroports sont ceux de Bucarest (OTP) et de Cluj (CLJ).", {}),
    ("Le système UNIX et la console Nintendo DS sont cités par le Maroc.", {}),
    # an acronym that does not spell its name's initials, after a name read as an organisation
    (
        "L’Office central de lutte contre la criminalité (OCRTIS) a saisi deux tonnes.",
        {"org:ocrtis": ("Office central de lutte contre la criminalité", "OCRTIS")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), RULE_CASES)
def test_the_acronym_rule_keeps_to_names(nlp, text, expected):
    assert orgs(nlp(text)) == expected
