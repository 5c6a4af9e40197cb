"""What ingest does with each file kind, read off the model (graph.model.kinds): which headers a file
may use, which columns it must have, which labels each reference may point at, and which
references become relationships written by the kind's links statement."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from types import UnionType
from typing import Annotated, Union, get_args, get_origin

from graph.model.kinds import ADMIN_ORG_SERVES, BY_NAME, KINDS, PARTY_ORG_SERVES, FileKind, Ref

# References whose target label depends on the row's `kind` value (docs/model.md: an org SERVES the
# area or site of its level). Everything else takes Ref.targets as given.
TARGET_BY_ROW_KIND: dict[tuple[str, str], dict[str, str]] = {
    ("party_orgs", "serves_id"): PARTY_ORG_SERVES,
    ("admin_orgs", "serves_id"): ADMIN_ORG_SERVES,
}
# issue_steps: the id is `<issue_id>#<seq>` and may be left out; the issue ref builds the chain.
STEPS = "issue_steps"
# Issue properties that follow the issue's steps once it has any (see cypher/ingest/issues.cypher).
FOLLOW_STEPS = {"issues": ("status", "level")}


def step_id(issue_id: str, seq: int) -> str:
    return f"{issue_id}#{seq}"


def headers(kind: FileKind) -> dict[str, str]:
    """Accepted header (English lower-cased, or the Chinese header) -> field name."""
    return _headers(kind.name)


@cache
def _headers(kind_name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, zh, _, _ in BY_NAME[kind_name].columns():
        out[name.lower()] = name
        if zh:
            out.setdefault(zh, name)
    return out


def field_for(kind: FileKind, header: str) -> str | None:
    h = header.strip()
    table = headers(kind)
    return table.get(h.lower()) or table.get(h)


def required_columns(kind: FileKind) -> tuple[str, ...]:
    return _required(kind.name)


@cache
def _required(name: str) -> tuple[str, ...]:
    optional = {"id"} if name == STEPS else set()
    return tuple(n for n, _, req, _ in BY_NAME[name].columns() if req and n not in optional)


def zh_of(kind: FileKind, field: str) -> str:
    for name, zh, _, _ in kind.columns():
        if name == field:
            return zh
    return ""


def ref_labels(kind: FileKind, ref: Ref, data: dict) -> tuple[str, ...]:
    by_kind = TARGET_BY_ROW_KIND.get((kind.name, ref.column))
    if by_kind is not None:
        return (by_kind[data["kind"]],)
    return ref.targets


def link_refs(kind: FileKind) -> tuple[Ref, ...]:
    """A node kind's references written by `<kind>.links.cypher` (those with a relationship type)."""
    return tuple(r for r in kind.refs if r.rel) if kind.is_node else ()


def temporal_fields(kind: FileKind) -> dict[str, str]:
    """{column: "date" | "datetime"} for the kind's temporal columns. They travel to Neo4j as ISO text
    and are converted by the statement (`date()` / `datetime()`): the driver's own conversion of
    Python datetimes costs more than the rest of the row."""
    return _temporal(kind.name)


@cache
def _temporal(name: str) -> dict[str, str]:
    out = {}
    for field, info in BY_NAME[name].row.model_fields.items():
        types = _flat(info.annotation)
        if datetime in types:
            out[field] = "datetime"
        elif date in types:
            out[field] = "date"
    return out


def _flat(t) -> list:
    origin = get_origin(t)
    if origin is Annotated:
        return _flat(get_args(t)[0])
    if origin in (Union, UnionType):
        return [x for a in get_args(t) for x in _flat(a)]
    return [t]


def ref_columns(kind: FileKind) -> frozenset[str]:
    return _ref_columns(kind.name)


@cache
def _ref_columns(name: str) -> frozenset[str]:
    return frozenset(r.column for r in BY_NAME[name].refs)


def node_kinds() -> list[FileKind]:
    return [k for k in KINDS if k.is_node]


def rel_kinds() -> list[FileKind]:
    return [k for k in KINDS if not k.is_node]


def labels_of_refs() -> set[str]:
    """Every label some reference may point at (each gets an `exists/<Label>.cypher`)."""
    out: set[str] = set()
    for k in KINDS:
        for r in k.refs:
            out.update(r.targets)
    return out
