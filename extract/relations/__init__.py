"""The relation component and its rules: who cooperates with, belongs to or opposes whom.

- `extractor`: `coopgraph_relations`, the component, walks each sentence with two parties;
- `parse_repair`: `coopgraph_parse_repair`, gives a verb back a subject the parser misplaced;
- `parse`: the parse read from arrays (folded words, heads, offsets) without spaCy Tokens;
- `parties`: which names a word stands for (subjects, partners, capitals, demonyms);
- `frames`: a trigger word's frame: agents, partners, polarity (add relation patterns here,
  with the trigger rows in `extract/data/triggers.jsonl`);
- `affiliation`: posts in apposition and modifiers (affiliation, part_of);
- `modality`: negation and hedging; `pairs`: which parties of a frame relate;
- `lexicons`: the word lists above, loaded once from `extract/data/`.
"""
