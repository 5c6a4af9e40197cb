"""Time in the project's time zone (the setting GRASSROOTS_TZ, default Asia/Shanghai, +08:00).

- A datetime written without an offset is read in the project's time zone.
- A date given where a moment is asked for (`as_of=2025-04-30`) means the end of that day there:
  2025-04-30T23:59:59+08:00.
- What is shown carries its offset, in the project's time zone.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from graph.core.errors import ParamError
from graph.core.settings import get_settings

END_OF_DAY = time(23, 59, 59)
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"GRASSROOTS_TZ: {name!r} is not a time zone (e.g. Asia/Shanghai)") from None


def project_tz() -> ZoneInfo:
    """The project's time zone (GRASSROOTS_TZ)."""
    return _zone(get_settings().grassroots_tz)


def _fixed(value: datetime) -> datetime:
    # The instant with its UTC offset as a fixed zone: the Neo4j driver packs fixed offsets as
    # datetimes with an offset (a zoneinfo zone crashes its Rust extension, neo4j-rust-ext 6.4).
    # Before 1901 zones keep local mean time (+08:05:43): Bolt takes whole minutes only.
    offset = value.utcoffset()
    if offset is None:
        return value
    return value.replace(tzinfo=timezone(timedelta(minutes=round(offset.total_seconds() / 60))))


def now() -> datetime:
    """Now in the project's time zone, to the second."""
    return _fixed(datetime.now(project_tz()).replace(microsecond=0))


def local(value: datetime) -> datetime:
    """An instant in the project's time zone; a naive datetime is taken to be written in it."""
    tz = project_tz()
    if value.tzinfo is None:
        return _fixed(value.replace(tzinfo=tz))
    try:
        return _fixed(value.astimezone(tz))
    except OverflowError:  # at the ends of the calendar (0001-01-01) there is no other zone to be in
        return value


def start_of_day(day: date) -> datetime:
    """00:00 of `day` in the project's time zone."""
    return local(datetime.combine(day, time.min))


def since_moment(value: str, *, field: str = "since") -> datetime:
    """The start of a period: a date means the START of that day (unlike as_of), a datetime as given."""
    try:
        return start_of_day(date.fromisoformat(value)) if len(value.strip()) == 10 else as_of_moment(value, field=field)
    except ValueError:
        return as_of_moment(value, field=field)


def end_of_day(day: date) -> datetime:
    return _fixed(datetime.combine(day, END_OF_DAY, tzinfo=project_tz()))


def parse_moment(value: str | date | datetime | None) -> datetime | None:
    """A moment from a date (the end of that day), a datetime (naive: the project's time zone) or
    their ISO text; None for None or "". Raises ValueError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return local(value)
    if isinstance(value, date):
        return end_of_day(value)
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date or a datetime")
    s = value.strip()
    # A '+' left unescaped in a query string arrives as a space: 2024-05-01T18:00:00 08:00.
    s = re.sub(r"(T\d{2}:\d{2}(?::\d{2})?) (\d{2}:\d{2})$", r"\1+\2", s)
    try:
        if _DATE.fullmatch(s):
            y, m, d = (int(p) for p in s.split("-"))
            return end_of_day(date(y, m, d))
        return local(datetime.fromisoformat(s.replace("Z", "+00:00")))
    except ValueError:
        raise ValueError(f"{value!r} is not a date (2025-04-30) or a datetime (2025-04-30T18:00:00+08:00)") from None


def as_of_moment(value: str | date | datetime | None, *, field: str = "as_of") -> datetime:
    """`parse_moment`, with None meaning now; a bad value is a ParamError naming the field."""
    try:
        moment = parse_moment(value)
    except ValueError as exc:
        raise ParamError(field, str(exc)) from None
    return now() if moment is None else moment
