"""Personal data in what the project shows: phone numbers masked (`138****5678`) and residents'
names shortened (`张*`) for everyone not allowed to see contacts (docs/security.md).

Who is asking is held in a context variable for the request or command being served
(`revealing(True)` around the work of a coordinator within scope); every output path (API
answers, exports, ledgers, CLI tables) passes its values through `redact`, which masks:

- the values of phone keys (`phone`, `work_phone`, `contact_phone`, ...), whatever they hold;
- phone numbers typed into free text (`title`, `note`, `description`, `minutes`, ...), and a name
  written after 居民/村民/群众/业主 there (`居民张伟反映` -> `居民张*反映`);
- residents' names: the `name` of a person (a map with `roles`) holding no public-facing role;
- sealed work phones (graph.core.secrets), wherever they turn up, ad-hoc answers included: unsealed
  for those who may see contacts, masked for everyone else;
- phone numbers sealed inside free text (`[enc:v1:...]`, written by `seal_phones_in_text` when a
  title or note is stored), under any key: so an ad-hoc query reading `i.title AS x` reads no number.

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

from graph.core.secrets import is_sealed, seal, unseal

# People in these roles face the public (their numbers are posted on community boards): they may
# hold a whole work phone, and their names are shown. Everyone else is a resident.
PUBLIC_ROLES = frozenset(
    {
        "grid_worker",
        "micro_grid_worker",
        "building_head",
        "cadre",
        "community_secretary",
        "secretary",
        "deputy_secretary",
        "committee_member",
        "director",
        "deputy_director",
        "head",
        "chair",
        "manager",
        "unit_contact",
        "department_contact",
        "property_manager",
    }
)
PHONE_KEYS = frozenset({"phone", "work_phone", "contact_phone", "mobile", "telephone", "tel"})
TEXT_KEYS = frozenset({"title", "name", "note", "notes", "description", "minutes", "status_notes", "benefit", "what"})

# A phone number sealed inside free text, as `seal_phones_in_text` writes it.
_SEALED_IN_TEXT = re.compile(r"\[(enc:v1:[A-Za-z0-9_=-]+)\]")

_reveal: ContextVar[bool] = ContextVar("grassroots_reveal_contacts", default=False)
_MASKED = re.compile(r"^\d{3}\*{4,}\d{4}$|^\*+\d{0,2}$")
# What reads as a phone number in free text: a mobile number (138 1234 5678, +86 13812345678), a
# landline with its area code (0597-2345678) or a bare 7 or 8 digit local number; not a date.
_PHONE_IN_TEXT = re.compile(
    r"(?<![\d*])(?:(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}|0\d{2,3}[\s-]?\d{7,8}|\d{7,8})(?![\d*])"
)
# A resident named in free text: 居民张伟反映, 村民李某某称 (two or three characters after the word).
_NAME_IN_TEXT = re.compile(
    r"(居民|村民|群众|业主|住户|租户|老人|家属)"
    r"(?!小组|代表|委员|自治|会议|活动|议事|说事|夜谈|服务|满意|群众|公约|大会)"
    r"([\u4e00-\u9fff])([\u4e00-\u9fff]{1,2}?)(?=反映|来电|投诉|称|说|家|的|等|，|,|。|、)"
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


def seal_phones_in_text(text: Any) -> Any:
    """Free text as the graph stores it: every phone number in it sealed (`[enc:v1:...]`), so the
    graph holds no readable number in a title or a note; `redact` opens or masks them on the way out.
    Deterministic (AES-SIV), so loading the same row twice stores the same text."""
    if not isinstance(text, str):
        return text
    return _PHONE_IN_TEXT.sub(lambda m: "[" + seal(m.group(0)) + "]", text)


def _open_sealed_in_text(text: str) -> str:
    return _SEALED_IN_TEXT.sub(lambda m: _unsealed(m.group(1)), text)


def mask_names_in_text(text: Any) -> Any:
    """Free text with residents named in it shortened: 居民张伟反映 -> 居民张*反映."""
    if not isinstance(text, str):
        return text
    return _NAME_IN_TEXT.sub(lambda m: m.group(1) + m.group(2) + "*" * len(m.group(3)), text)


def is_public_facing(roles: Any) -> bool:
    """Whether a person with these roles (a list, or `;`-separated text) faces the public."""
    if isinstance(roles, str):
        roles = roles.split(";")
    return isinstance(roles, (list, tuple, set, frozenset)) and any(str(r).strip() in PUBLIC_ROLES for r in roles)


def _unsealed(value: str) -> str:
    plain = unseal(value)
    if plain is None:
        return "***"
    return plain if contacts_revealed() else mask_phone(plain) or "***"


def redact(value: Any, *, key: str | None = None) -> Any:
    """`value` (a JSON-like structure: dicts, lists, scalars) as the current reader may see it: a
    sealed work phone unsealed for those who may see contacts and masked for everyone else, phone
    keys and phone numbers in free text masked unless contacts are revealed."""
    if isinstance(value, Mapping):
        out = {k: redact(v, key=str(k)) for k, v in value.items()}
        if "roles" in value and "name" in value and not contacts_revealed() and not is_public_facing(value["roles"]):
            out["name"] = mask_name(value["name"])  # a resident
        return out
    if isinstance(value, (list, tuple)):
        return [redact(v, key=key) for v in value]
    if is_sealed(value):
        return _unsealed(value)
    if isinstance(value, str) and "[enc:v1:" in value:
        value = _open_sealed_in_text(value)
    if contacts_revealed():
        return value
    if key in PHONE_KEYS:
        return mask_phone(value)
    if key == "name":
        return mask_text(value)  # a number typed into a name; names themselves are handled above
    if key in TEXT_KEYS:
        return mask_names_in_text(mask_text(value))
    return value
