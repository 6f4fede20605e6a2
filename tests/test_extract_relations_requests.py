"""Who does an infinitive after « demander à X de », « exhorter X à »: X, and only asked for."""

from __future__ import annotations

import pytest

FR, ML, NE, DZ = "country:FR", "country:ML", "country:NE", "country:DZ"
MA, MR, ES = "country:MA", "country:MR", "country:ES"
ET, ER, CEDEAO = "country:ET", "country:ER", "org:cedeao"

CASES = [
    # The object does the infinitive; a request is hedged.
    ("La France a demandé au Mali de coopérer avec la Cédéao.", {(ML, CEDEAO, True)}),
    ("Le président a exhorté le Niger à coopérer avec l’Algérie.", {(DZ, NE, True)}),
    ("L’ONU a appelé l’Éthiopie et l’Érythrée à signer un accord de paix.", {(ER, ET, True)}),
    # A verb that makes it happen: stated.
    (
        "Le Maroc a aidé le Mali à signer un accord avec la Mauritanie.",
        {(MA, ML, False), (ML, MR, False)},
    ),
    # Near misses: a forbidden act is none; no object: the subject's own infinitive.
    ("La France a interdit au Mali de coopérer avec la Russie.", set()),
    ("Le Maroc a décidé de coopérer avec l’Espagne.", {(ES, MA, False)}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_object_does_the_infinitive(relations_of, text, expected):
    assert {(r.source, r.target, r.hedged) for r in relations_of[text]} == expected
