"""Name search (GET /search): the words typed become a Lucene query for the `name_search`
full-text index (cjk analyzer: Chinese is indexed as overlapping character pairs).

Each word becomes a quoted phrase, so 天马社 finds 天马社区 (pairs 天马, 马社 in a row) and
nothing is read as Lucene syntax; words are ANDed. A single character cannot match a pair, so it
becomes a prefix or suffix wildcard (天* OR *天): any name holding that character.
"""
from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from graph import catalogue
from graph.errors import UserError
from graph.model.nodes import LABELS
from graph.paging import Page
from graph.store import Store

MAX_QUERY_CHARS = 200
_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


class Hit(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"id": "350802006002", "name": "天马社区", "labels": ["Community"], "score": 3.2}]})
    id: str | None
    name: str | None
    labels: list[str]
    score: float = Field(description="Lucene relevance; higher is better")


def lucene_query(q: str) -> str:
    # A lone punctuation mark matches nothing in the index: it is dropped.
    words = [w for w in q.split() if len(w) > 1 or w.isalnum()]
    if not words:
        raise UserError(f"q: {q!r} holds nothing to search for; type a word or a character")
    parts = []
    for w in words:
        if len(w) == 1:
            parts.append(f"({w.lower()}* OR *{w.lower()})")
        else:
            parts.append('"' + _SPECIAL.sub(r"\\\1", w) + '"')
    return " AND ".join(parts)


def search(*, store: Store, q: str, label: str | None = None, limit: int = 20, offset: int = 0) -> Page[Hit]:
    q = (q or "").strip()
    if len(q) > MAX_QUERY_CHARS:
        raise UserError(f"q: at most {MAX_QUERY_CHARS} characters")
    if label is not None and label not in LABELS:
        raise UserError(f"label: {label!r} is not a label of the model (one of {', '.join(sorted(LABELS))})")
    rows = catalogue.rows("search_names", {"query": lucene_query(q), "label": label, "limit": limit + 1,
                                           "offset": offset}, store=store)
    nxt = offset + limit if len(rows) > limit else None
    return Page[Hit](items=[Hit(**r) for r in rows[:limit]], limit=limit, offset=offset, next_offset=nxt)
