"""The language people read (Chinese first, English available): the setting GRASSROOTS_LANG
(`zh` by default) for the CLI and the files it writes; per request, the API's `Accept-Language`.
Codes (enum values, field names) never change with it; texts do."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

from graph.core.settings import get_settings

Lang = Literal["zh", "en"]
_current: ContextVar[Lang | None] = ContextVar("grassroots_lang", default=None)


def lang() -> Lang:
    """The language of what is being written now: the request's, else the setting."""
    return _current.get() or get_settings().grassroots_lang


@contextmanager
def speaking(language: Lang) -> Iterator[None]:
    token = _current.set(language)
    try:
        yield
    finally:
        _current.reset(token)


def say(zh: str, en: str) -> str:
    """The text in the current language."""
    return en if lang() == "en" else zh


def from_accept_language(header: str | None) -> Lang:
    """`en` when the client prefers English over Chinese (Accept-Language), else `zh`."""
    best: tuple[float, Lang] = (0.0, "zh")
    for part in (header or "").split(","):
        tag, _, q = part.strip().partition(";q=")
        code = tag.strip().lower()[:2]
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            continue
        if code in ("zh", "en") and weight > best[0]:
            best = (weight, "en" if code == "en" else "zh")
    return best[1]
