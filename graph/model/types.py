"""Field types shared by the model: ids, names, dates, lists and booleans as spreadsheets write them."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

from graph.core import privacy, secrets
from graph.core.moments import local

Id = Annotated[
    str,
    BeforeValidator(lambda v: _plain_str(v)),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000)]
# Free text a resident's words may reach (an issue's title, a step's note): phone numbers typed into
# it are stored sealed (graph.core.privacy.seal_phones_in_text); the length bound is on what was typed.
_sealing = AfterValidator(privacy.seal_phones_in_text)
TitleText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500), _sealing]
NoteText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000), _sealing]


def _plain_str(v: Any) -> Any:
    # Spreadsheets hand codes back as numbers (350802.0): ids are strings of their digits.
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return v


def _split_list(v: Any) -> Any:
    if isinstance(v, str):
        return [p.strip() for p in re.split(r"[;|,，；、]", v) if p.strip()]
    return v


StrList = Annotated[
    list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]], BeforeValidator(_split_list)
]

_TRUE = {"true", "1", "yes", "y", "是", "t"}
_FALSE = {"false", "0", "no", "n", "否", "f"}


def _bool(v: Any) -> Any:
    if isinstance(v, str):
        s = v.strip().lower()
        if s in _TRUE:
            return True
        if s in _FALSE:
            return False
    return v


Bool = Annotated[bool, BeforeValidator(_bool)]


_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:([ T])(\d{1,2})(:.*))?")


def _pad(s: str) -> str:
    """Spreadsheets write 2024/3/1 9:00: zero-pads month, day and hour to ISO form."""
    m = _YMD.fullmatch(s)
    if not m:
        return s
    y, mo, d, sep, h, rest = m.groups()
    return f"{y}-{int(mo):02d}-{int(d):02d}" + (f"{sep}{int(h):02d}{rest}" if h else "")


def _date(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, str):
        s = _pad(v.strip().replace("/", "-").replace(".", "-"))
        return s[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T]00:00(:00)?)?", s) else s
    return v


Date = Annotated[date, BeforeValidator(_date)]


def _aware(v: datetime) -> datetime:
    return v if v.tzinfo else local(v)


def _datetime_in(v: Any) -> Any:
    if isinstance(v, date) and not isinstance(v, datetime):
        return datetime.combine(v, time(0, 0))
    if isinstance(v, str):
        s = _pad(v.strip().replace("/", "-"))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            s += "T00:00:00"
        return s
    return v


# A timestamp with its offset; one written without an offset is read in the project's time zone
# (GRASSROOTS_TZ, Beijing time by default).
DateTime = Annotated[datetime, BeforeValidator(_datetime_in), AfterValidator(_aware)]

Yuan = Annotated[int, Field(ge=0, description="yuan, an integer")]


def _int_text(v: Any) -> Any:
    # CSV and spreadsheet cells give "3"; a field whose values are int literals reads it as the number.
    return int(v) if isinstance(v, str) and v.strip().isdigit() else v


Stars = Annotated[Literal[1, 3, 5], BeforeValidator(_int_text)]

_PHONE = re.compile(r"^\+?\d{7,15}$")  # after spaces, dashes and brackets are dropped
_MASKED_PHONE = re.compile(r"^\d{3}\*{4,}\d{4}$|^\*{3,}\d{2}$")


def _phone_text(v: Any) -> str:
    return re.sub(r"[\s\-()（）]", "", _plain_str(v) if not isinstance(v, str) else v)


def mask_phone(v: Any) -> Any:
    """Keeps a resident's phone as 138****5678 (at least half of the digits hidden, graph.core.privacy):
    the graph never holds a resident's whole number. A value already masked that way is kept."""
    if v is None or v == "":
        return None
    s = _phone_text(v)
    if _MASKED_PHONE.match(s):
        return s
    if not _PHONE.match(s):
        raise ValueError("not a phone number (digits, with spaces or dashes; or masked like 138****5678)")
    return privacy.mask_phone(s)


MaskedPhone = Annotated[str | None, BeforeValidator(mask_phone)]


def seal_work_phone(v: Any) -> Any:
    """A whole work phone, stored sealed (graph.core.secrets): only the API unseals it, for roles that
    may see contacts. A value sealed already (a backup) is kept if this project's key opens it."""
    if v is None or v == "":
        return None
    if secrets.is_sealed(v):
        if secrets.unseal(v) is None:
            raise ValueError("a sealed work phone this project's key does not open (GRASSROOTS_SECRET_KEY)")
        return v
    s = _phone_text(v)
    if "*" in s:
        raise ValueError("a work phone is stored whole (it is masked when shown); give the whole number")
    if not _PHONE.match(s):
        raise ValueError("not a phone number (digits, with spaces or dashes)")
    return secrets.seal(s.removeprefix("+86") if len(s) == 14 else s)


WorkPhone = Annotated[str | None, BeforeValidator(seal_work_phone)]


def col(zh: str, description: str = "", **kw: Any) -> Any:
    """A field with its Chinese column header (accepted as an alias by the readers) and a description."""
    extra = dict(kw.pop("json_schema_extra", {}) or {})
    extra["zh"] = zh
    return Field(description=description, json_schema_extra=extra, **kw)
