"""Name search (GET /search): the words typed become a Lucene query for the `name_search`
full-text index (cjk analyzer: Chinese is indexed as overlapping character pairs).

Each word becomes a quoted phrase, so 天马社 finds 天马社区 (pairs 天马, 马社 in a row) and
nothing is read as Lucene syntax; words are ANDed. A single character cannot match a pair, so it
becomes a prefix or suffix wildcard (天* OR *天): any name holding that character.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

from graph.catalogue.paging import Page, fetch_page
from graph.core.errors import ParamError
from graph.core.store import Store
from graph.model.nodes import check_label

SEARCH_TEXT_CHARS_MAX = 200
_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


class Hit(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"id": "350802006002", "name": "天马社区", "labels": ["Community"], "score": 3.2}]
        }
    )
    id: str | None
    name: str | None
    labels: list[str]
    score: float = Field(description="Lucene relevance; higher is better")


def lucene_query(q: str) -> str:
    # A lone punctuation mark matches nothing in the index: it is dropped.
    words = [w for w in q.split() if len(w) > 1 or w.isalnum()]
    if not words:
        raise ParamError("q", f"{q!r} holds nothing to search for; type a word or a character")
    parts = []
    for w in words:
        if len(w) == 1:
            parts.append(f"({w.lower()}* OR *{w.lower()})")
        else:
            parts.append('"' + _SPECIAL.sub(r"\\\1", w) + '"')
    return " AND ".join(parts)


def search(*, store: Store, q: str, label: str | None = None, limit: int = 20, offset: int = 0) -> Page[Hit]:
    q = (q or "").strip()
    if len(q) > SEARCH_TEXT_CHARS_MAX:
        raise ParamError("q", f"at most {SEARCH_TEXT_CHARS_MAX} characters")
    check_label("label", label)
    rows, nxt = fetch_page(
        "search_names", {"query": lucene_query(q), "label": label}, store=store, limit=limit, offset=offset
    )
    return Page[Hit](items=[Hit(**r) for r in rows], limit=limit, offset=offset, next_offset=nxt)
