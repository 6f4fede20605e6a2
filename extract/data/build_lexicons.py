"""Developer tool: regenerate the word forms of the lemma lexicons and `countries.jsonl`.

Lemma lexicons: the pipeline has no lemmatizer (it would cost run time for one use), so
each row of `triggers.jsonl`, `affiliation_heads.jsonl`, `modality.jsonl` and
`conflict_verbs.jsonl`, `conflict_phrases.jsonl`, `object_control_verbs.jsonl` that has a
`lemma` lists its inflected forms. `expand_triggers` replaces each such row's `forms` with
every word spaCy's French lookup table maps to the lemma (plus the lemma itself and the
row's `extra_forms`), and writes the files back; rows without a `lemma` are kept as is.

Countries: `build_countries` writes `countries.jsonl` from babel's CLDR French territory
names, pycountry's ISO codes and our curated `demonyms.jsonl` (demonym stems, variants,
name overrides: no package ships French demonyms). babel and pycountry are dev-only;
the pipeline reads the generated file. Run after editing either source:

    pip install spacy-lookups-data babel pycountry && python -m extract.data.build_lexicons
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

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


LEMMA_LEXICONS = (
    "triggers.jsonl",
    "affiliation_heads.jsonl",
    "modality.jsonl",
    "conflict_verbs.jsonl",
    "conflict_phrases.jsonl",
    "object_control_verbs.jsonl",
)


def expand_lemmas(path: Path, forms: dict[str, set[str]]) -> None:
    """Rewrite `path` with the forms of every row that has a `lemma`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            if "lemma" in row:
                lemma = row["lemma"]
                found = {w for w in forms.get(lemma, ()) if isinstance(w, str) and w.islower()}
                row["forms"] = sorted({lemma, *row.get("extra_forms", []), *found})
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def expand_triggers() -> None:
    """Rewrite every lemma lexicon with the forms of its lemmas."""
    forms = inverse_lemma_table()
    for name in LEMMA_LEXICONS:
        expand_lemmas(HERE / name, forms)


def feminine_and_plurals(stem: str) -> list[str]:
    """Return the four forms of a regular French demonym from its masculine singular.

    >>> feminine_and_plurals("israélien")
    ['israélien', 'israélienne', 'israéliens', 'israéliennes']
    >>> feminine_and_plurals("français")
    ['français', 'française', 'françaises']
    """
    if stem.endswith("e"):
        return [stem, stem + "s"]
    if stem.endswith(("s", "x")):
        return [stem, stem + "e", stem + "es"]
    if stem.endswith(("en", "on")):
        return [stem, stem + "ne", stem + "s", stem + "nes"]
    return [stem, stem + "e", stem + "s", stem + "es"]


def country_row(source: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """Return one `countries.jsonl` row from a curated row and the CLDR French names."""
    import pycountry

    code = source["code"]
    if code != "XK" and pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"demonyms.jsonl: {code!r} is not an ISO 3166-1 alpha-2 code")
    cldr = names[code]
    name = source.get("name", cldr)
    # CLDR's own name becomes a variant when we override it, unless it is a gloss
    # ("Myanmar (Birmanie)") or names something else ("Territoires palestiniens").
    dropped = {name, *source.get("not_variants", ())}
    variants = [
        v
        for v in dict.fromkeys([cldr, *source.get("variants", [])])
        if v not in dropped and "(" not in v
    ]
    demonyms = [*source.get("forms", [])]
    secondary = []
    for stem in source["demonyms"]:
        forms = feminine_and_plurals(stem)
        demonyms.extend(forms)
        if stem in source.get("secondary", ()):
            secondary.extend(forms)
    row = {
        "code": code,
        "name": name,
        "variants": variants,
        "demonyms": list(dict.fromkeys(demonyms)),
        "un_member": source.get("un_member", True),
    }
    if secondary:
        row["secondary_demonyms"] = secondary
    if source.get("ambiguous"):
        row["ambiguous"] = True
    return row


def build_countries(
    source: Path = HERE / "demonyms.jsonl", out: Path = HERE / "countries.jsonl"
) -> None:
    """Write `out` from babel's French country names and the curated `source` rows."""
    import babel

    names = dict(babel.Locale("fr").territories)
    lines = source.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    with out.open("w", encoding="utf-8") as handle:
        for row in sorted((country_row(r, names) for r in rows), key=lambda r: r["code"]):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    expand_triggers()
    build_countries()
