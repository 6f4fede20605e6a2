"""A state framing its sentence owns the state bodies it names: « En Espagne, la Garde civile ».

The press sets the scene of a paragraph by its country (« En Belgique, la police
fédérale et le parquet ont mené ... », « Au Sénégal, la gendarmerie nationale a ... »)
and then names that country's bodies without a demonym. A body of a state (`is_state_body`:
its police, army, ministries, courts) with no state of its own in the sentence belongs
to the framing one. An international or foreign body keeps its own: « En Espagne, la
police française ... » is France's, « En Irak, l'OTAN ... » is nobody's.
"""

from __future__ import annotations

from ..records import Mention
from .parties import SentenceParties

# « En Belgique, », « Au Mali, », « Aux Pays-Bas, »: a state as the sentence's frame.
FRAME_WORDS = frozenset({"en", "au", "aux"})


def framing_state(parties: SentenceParties, mentions: list[Mention]) -> Mention | None:
    """Return the country named by a « En <pays>, » opening the sentence, or None."""
    sent, folded = parties.sent, parties.folded
    if len(sent) < 4 or folded[sent.start] not in FRAME_WORDS:
        return None
    for mention in mentions:
        span = parties.spans.get(mention)
        if mention.type == "country" and span is not None and span.start == sent.start + 1:
            comma = span.end < sent.end and folded[span.end] == ","
            return mention if comma and mention.text[:1].isupper() else None
    return None
