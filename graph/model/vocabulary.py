"""Display names for the model's coded values (graph/model/vocabulary.json), Chinese first.

Codes stay English and stable everywhere (API fields, enum values, Neo4j); what a person reads
takes its name from here: `display("level", "street")` is 街道, `display(..., lang="en")` street.
A code the file does not know is shown as it is.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from graph.core.language import Lang
from graph.core.language import lang as current_lang

LANGS: tuple[Lang, ...] = ("zh", "en")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, dict[str, dict[str, str]]]:
    """{domain: {code: {"zh": ..., "en": ...}}}: label, relationship, level, action, category, ..."""
    text = resources.files("graph.model").joinpath("vocabulary.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def display(domain: str, code: str | None, lang: Lang | None = None) -> str:
    """The name people read for `code` in `domain`, in `lang` (default: the current language,
    graph.core.language); the code itself when the file has none."""
    if code is None:
        return ""
    entry = vocabulary().get(domain, {}).get(code)
    if not entry:
        return code
    return entry.get(lang or current_lang()) or entry.get("zh") or code


def names(lang: Lang = "zh") -> dict[str, dict[str, str]]:
    """Every domain as {code: name} in one language (what the page loads)."""
    return {d: {c: e.get(lang) or e["zh"] for c, e in codes.items()} for d, codes in vocabulary().items()}
