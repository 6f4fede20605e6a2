"""The relation component and its rules: who cooperates with, belongs to or opposes whom.

- `extractor`: `coopgraph_relations`, the component, walks each sentence with two parties;
- `parse_repair`: `coopgraph_parse_repair`, gives a verb back a subject the parser misplaced;
- `parse`: the parse read from arrays (folded words, heads, offsets) without spaCy Tokens;
- `parties`: which names a word stands for (subjects, partners, capitals, demonyms);
- `frames`: a trigger word's frame: agents, partners, polarity (add relation patterns here,
  with the trigger rows in `extract/data/triggers.jsonl`);
- `sentence_bounds`: `coopgraph_sentence_bounds`, keeps the parser from cutting a sentence
  where no full stop ends it;
- `affiliation`: what a post names (affiliation); `posts`: which posts describe a name;
  `owners`: what an organisation belongs to (part_of); `leaders`: who leads or represents
  an organisation or a state ("présidée par X", "à la tête de", "dont X est membre");
- `officials`: the person a post's phrase names, and the states it only describes;
- `control`: whose clause an infinitive, a participle or an apposition is;
- `compounds`: compound demonyms (« franco-allemande »);
- `modality`: negation and hedging; `pairs`: which parties of a frame relate;
- `lexicons`: the word lists above, loaded once from `extract/data/`.
"""
