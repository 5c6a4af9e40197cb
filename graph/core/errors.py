"""Errors a person can act on. The CLI prints them as one line; the API answers with `status` and
the body `{"detail": message, ...extra}`, mapped in one place (api/errors.py).

Raise the subclass that says what went wrong; pass fields a client may act on as keyword
arguments (`Conflict("...", current=state)`): they join the body next to `detail`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, ClassVar


class ServiceError(Exception):
    """Base of the errors the project raises on purpose: a message, an HTTP status, extra fields."""

    status: ClassVar[int] = 500

    def __init__(self, message: str, **extra: Any):
        super().__init__(message)
        self.extra = extra

    def body(self) -> dict[str, Any]:
        return {"detail": str(self), **self.extra}


class UserError(ServiceError):
    """Bad input or a request that cannot be served; the message says what and why."""

    status = 422


class ParamError(UserError):
    """A bad parameter; the message names it (the body's `field` too)."""

    def __init__(self, field: str, message: str):
        super().__init__(f"parameter {field!r}: {message}", field=field)
        self.field = field


class NotFound(UserError):
    """An id that names nothing in the graph."""

    status = 404

    def __init__(self, label: str, id: str, **extra: Any):
        super().__init__(f"no {label} with id {id!r}", **extra)
        self.label, self.id = label, id


class Conflict(UserError):
    """The request does not fit the graph as it is now (a step that no longer fits the trail,
    an id that names nodes of several labels)."""

    status = 409


class Refused(UserError):
    """A request the project will not run (an ad-hoc query that could write, a role that may not
    do this, an area outside the key's)."""

    status = 403


class Unauthorized(UserError):
    """No API key, or one that is not (or no longer) valid."""

    status = 401


class TooLarge(UserError):
    """A request body past the size the server takes."""

    status = 413


class Malformed(UserError):
    """A request that cannot be read (a query with an unterminated string)."""

    status = 400


class QueryTimeout(UserError):
    """A query that ran past its time limit and was stopped."""

    status = 408


class QueryFailed(UserError):
    """Neo4j refused or could not run the statement (syntax, types, access mode)."""

    status = 400


class Busy(UserError):
    """Neo4j could not serve the request now (memory, locks); trying later may work."""

    status = 503


class GraphUnavailable(ServiceError):
    """Neo4j cannot be reached (or refuses our credentials). The message (for the CLI and the log)
    names the server; `reason`, what an API answer says, never does: the address is internal."""

    status = 503

    def __init__(self, message: str, reason: str = "Neo4j is unavailable", **extra: Any):
        super().__init__(message, **extra)
        self.reason = reason

    def body(self) -> dict[str, Any]:
        return {"status": "unavailable", "detail": self.reason, **self.extra}


def check_range(field: str, value: int, lo: int, hi: int | None = None) -> int:
    """`value` if lo <= value (<= hi); ParamError naming the field otherwise."""
    if value < lo or (hi is not None and value > hi):
        bound = f"between {lo} and {hi}" if hi is not None else f"at least {lo}"
        raise ParamError(field, f"{value} must be {bound}")
    return value


def check_choice(field: str, value: str | None, choices: Collection[str]) -> str | None:
    """`value` if it is one of `choices` (or None); ParamError listing them otherwise."""
    if value is not None and value not in choices:
        raise ParamError(field, f"{value!r} is not one of {', '.join(choices)}")
    return value
