"""The spaCy components that find entities and resolve every way of naming them to one.

In pipeline order:

- `layout`: `coopgraph_layout`, marks page furniture and keeps names within a line;
- `countries`: `coopgraph_countries`, the country ruler (names, variants, demonyms);
- `organisations`: `coopgraph_organisations`, the organisation ruler (the knowledge base
  `organisations.jsonl`: every name of an organisation, one id);
- `resolver`: `coopgraph_entities`, gathers candidates (`mentions`, `name_spans`,
  `acronyms`) and resolves them to canonical entities (`country:MA`, `org:dgsn`).
"""
