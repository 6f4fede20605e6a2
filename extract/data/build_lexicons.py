"""Developer tool: regenerate the word forms of `triggers.jsonl` from spaCy's French lemma table.

The pipeline has no lemmatizer (it would cost run time for one use), so each trigger
lists its inflected forms. Run after editing the lemmas:

    pip install spacy-lookups-data && python -m extract.data.build_lexicons

It reads `triggers.jsonl`, replaces each row's `forms` with every word the lookup table
maps to the row's lemma (plus the lemma itself), and writes the file back.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent


def inverse_lemma_table() -> dict[str, set[str]]:
    """Return lemma → the words spaCy's French lookup table maps to it."""
    import gzip

    import spacy_lookups_data

    table_path = Path(spacy_lookups_data.__file__).parent / "data" / "fr_lemma_lookup.json.gz"
    table = json.loads(gzip.decompress(table_path.read_bytes()))
    forms: dict[str, set[str]] = defaultdict(set)
    for word, lemma in table.items():
        for one in lemma if isinstance(lemma, list) else [lemma]:
            forms[one].add(word)
    return forms


def expand_triggers(path: Path = HERE / "triggers.jsonl") -> None:
    """Rewrite `path` with the forms of every trigger lemma."""
    forms = inverse_lemma_table()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            words = {row["lemma"], *row.get("extra_forms", []), *forms.get(row["lemma"], ())}
            row["forms"] = sorted(w for w in words if isinstance(w, str) and w.islower())
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    expand_triggers()
