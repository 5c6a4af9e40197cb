"""Personal data in what the project shows: phone numbers masked (`138****5678`) and residents'
names shortened (`张*`) for everyone not allowed to see contacts (docs/security.md).

Who is asking is held in a context variable for the request or command being served
(`revealing(True)` around the work of a coordinator within scope); every output path (API
answers, exports, ledgers, CLI tables) passes its values through `redact`, which masks:

- the values of phone keys (`phone`, `work_phone`, `contact_phone`, ...), whatever they hold;
- phone numbers typed into free text (`title`, `note`, `description`, `minutes`, ...).

Masking takes any input: a value that is already masked stays as it is, anything else keeps at
most the first 3 and the last 4 digits of a number of 11 or more digits and only the last 2 of a
shorter one, so at least half of the digits are always hidden.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

PHONE_KEYS = frozenset({"phone", "work_phone", "contact_phone", "mobile", "telephone", "tel"})
TEXT_KEYS = frozenset({"title", "name", "note", "notes", "description", "minutes", "status_notes", "benefit", "what"})

_reveal: ContextVar[bool] = ContextVar("grassroots_reveal_contacts", default=False)
_MASKED = re.compile(r"^\d{3}\*{4,}\d{4}$|^\*+\d{0,2}$")
# What reads as a phone number in free text: a mobile number (138 1234 5678, +86 13812345678), a
# landline with its area code (0597-2345678) or a bare 7 or 8 digit local number; not a date.
_PHONE_IN_TEXT = re.compile(
    r"(?<![\d*])(?:(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}|0\d{2,3}[\s-]?\d{7,8}|\d{7,8})(?![\d*])"
)


@contextmanager
def revealing(allowed: bool) -> Iterator[None]:
    """Within this block, phones and names are shown whole when `allowed`."""
    token = _reveal.set(allowed)
    try:
        yield
    finally:
        _reveal.reset(token)


def contacts_revealed() -> bool:
    return _reveal.get()


def mask_phone(value: Any) -> str | None:
    """A phone number masked: 13812345678 -> 138****5678, 22345678 -> ******78; None stays None."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    if _MASKED.match(text):
        return text
    digits = re.sub(r"\D", "", text)
    if len(digits) == 13 and digits.startswith("86"):  # +86 138 1234 5678
        digits = digits[2:]
    if not digits:
        return "***"
    if len(digits) >= 11:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return "*" * max(len(digits) - 2, 1) + digits[-2:] if len(digits) > 2 else "*" * len(digits)


def mask_name(name: Any) -> str | None:
    """A person's name shortened to its first character: 张伟 -> 张*, 欧阳娜娜 -> 欧***."""
    if name is None or name == "":
        return None
    text = str(name).strip()
    return text[:1] + "*" * max(len(text) - 1, 1)


def mask_text(text: Any) -> Any:
    """Free text with every phone number in it masked."""
    if not isinstance(text, str):
        return text
    return _PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)) or "", text)


def redact(value: Any, *, key: str | None = None) -> Any:
    """`value` (a JSON-like structure: dicts, lists, scalars) with phones masked and phone numbers in
    free text masked, unless contacts are revealed for the current request."""
    if contacts_revealed():
        return value
    if isinstance(value, Mapping):
        return {k: redact(v, key=str(k)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact(v, key=key) for v in value]
    if key in PHONE_KEYS:
        return mask_phone(value)
    if key in TEXT_KEYS:
        return mask_text(value)
    return value
