"""Officials named together by their plural post: « les ministres », « les deux présidents ».

An article names « X, ministre de…, s’est entretenu avec Y, ministre de… » and goes on
« les ministres ont souligné leur coopération ». The description stands for every
person named before with that post, when:

- it is « les » + a plural post (`affiliation_heads.jsonl`), optionally with its count
  between (« les deux ministres »), and nothing after it (no complement, no demonym, no
  name, no relative clause: « les ministres de l’UE », « les ministres africains » are
  left alone);
- at least two persons named in the last `described_persons.MAX_SENTENCES_BACK`
  sentences hold that post (the post right before or right after the name), and
  exactly as many as its count when it has one.

Each holder gets a person mention on the post word, all with the same offsets (as « les
deux pays » is two country mentions), so the relation rules read the phrase as them all.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..lexicon import read_lexicon
from ..records import Mention
from .countries import fold

if TYPE_CHECKING:
    from .described_persons import DocDescriptions

COUNTS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5}
PLURAL_DETERMINER = "les"
# What a bare plural post may carry: its article and count.
BARE_DEPS = frozenset({"det", "nummod", "punct"})


@cache
def plural_posts() -> dict[str, str]:
    """Return folded plural post form → folded lemma (« ministres » → « ministre »)."""
    posts = {}
    for row in read_lexicon("affiliation_heads"):
        singular = {fold(row["lemma"]), *(fold(f) for f in row.get("extra_forms", []))}
        for form in row.get("forms", []):
            if fold(form) not in singular and fold(form).endswith(("s", "x")):
                posts[fold(form)] = fold(row["lemma"])
    return posts


def group_mentions(found: DocDescriptions, i: int, lemma: str) -> list[Mention]:
    """Return a person mention per holder of the plural post at token `i`, if it is one."""
    words = found.words
    if i in found.mention_at:
        return []
    count = COUNTS.get(words[i - 1])
    start = i - 1 if count is None else i - 2
    if start < 0 or words[start] != PLURAL_DETERMINER or not found.ends_bare(i, i + 1):
        return []
    if any(c.dep_ not in BARE_DEPS for c in found.doc[i].children):
        return []  # « les présidents africains », « les ministres qui… »: other people
    holders = found.holders(i, lemma)
    if len(holders) < 2 or (count is not None and len(holders) != count):
        return []
    return [found.mention(i, entity) for entity in holders]
