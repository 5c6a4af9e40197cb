"""Reading the `as_of` moments of the issue loop, and whole days between two moments."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from graph.core.errors import UserError

END_OF_DAY = time(23, 59, 59, tzinfo=UTC)


def as_of_moment(value: str | date | datetime | None, *, field: str = "as_of") -> datetime:
    """A date means the end of that day, 23:59:59 UTC; a datetime is used as is (one written
    without an offset is read as UTC); None means now."""
    if value is None or value == "":
        return datetime.now(UTC).replace(microsecond=0)
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime.combine(value, END_OF_DAY)
    s = value.strip()
    # A '+' left unescaped in a query string arrives as a space: 2024-05-01T18:00:00 08:00.
    s = re.sub(r"(T\d{2}:\d{2}(?::\d{2})?) (\d{2}:\d{2})$", r"\1+\2", s)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
            return datetime.combine(date.fromisoformat(s), END_OF_DAY)
        return as_of_moment(datetime.fromisoformat(s.replace("Z", "+00:00")), field=field)
    except ValueError:
        raise UserError(
            f"{field}: {value!r} is not a date (2024-05-01) or a datetime (2024-05-01T18:00:00+08:00)"
        ) from None
