"""Who a visit relates: the host country and the visitor's state.

« Le directeur de la Sûreté nationale mauritanienne, X, effectue une visite au Maroc »:
an official's visit to a country is a visit of his state; a body whose name holds its
state's demonym stands for that state (Mauritanie – Maroc, not Sûreté nationale –
Maroc). A body with no demonym in its name stays (« le chef de la DGSN ... au Maroc »).
"""

from __future__ import annotations

from ..records import Mention
from .parties import SentenceParties, unique


def visitor_states(
    visitors: list[Mention], hosts: list[Mention], parties: SentenceParties
) -> list[Mention]:
    """Return `visitors` with each body named with its state's demonym read as that state."""
    if not any(m.type == "country" for m in hosts):
        return visitors
    return unique([named_state(m, parties) or m for m in visitors])


def named_state(body: Mention, parties: SentenceParties) -> Mention | None:
    """Return the country whose demonym is in an organisation's name or right after it
    (« la Sûreté nationale mauritanienne », « la Police nationale | finlandaise »)."""
    if body.type != "organization":
        return None
    for mention in parties.spans:
        if mention.type == "country" and body.start_char <= mention.start_char <= body.end_char + 1:
            return mention
    return None
