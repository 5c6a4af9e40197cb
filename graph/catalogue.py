"""The query catalogue: every `cypher/queries/*.cypher` file with its header (graph.query_header).

Parameters are validated by a pydantic model built from the header before anything reaches
Neo4j (a bad one raises ParamError naming the field: HTTP 422); the query runs in a READ
transaction with a timeout and a row cap (graph.reading). `limit` and `offset` parameters get
paging bounds (1..10,000 and >= 0) without the header having to say so.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from graph.cypher_lexer import tokenize
from graph.errors import NotFound, UserError
from graph.paths import CYPHER_DIR
from graph.query_header import TYPES, Column, Header, HeaderError, Param, parse_header
from graph.reading import ReadResult, run_read
from graph.store import Store

QUERIES_DIR = CYPHER_DIR / "queries"
BOUNDS = {"limit": {"ge": 1, "le": 10_000}, "offset": {"ge": 0}}


__all__ = ["Column", "HeaderError", "Param", "ParamError", "Query", "catalogue", "get", "run", "rows", "used_params"]


class ParamError(UserError):
    """A bad parameter; the message names the field."""

    def __init__(self, field_name: str, message: str):
        super().__init__(f"parameter {field_name!r}: {message}")
        self.field = field_name


@dataclass(frozen=True)
class Query:
    header: Header
    text: str
    path: Path
    model: type[BaseModel] = field(repr=False, compare=False)

    name = property(lambda self: self.header.name)
    description = property(lambda self: self.header.description)
    params = property(lambda self: self.header.params)
    returns = property(lambda self: self.header.returns)
    notes = property(lambda self: self.header.notes)

    def public(self) -> dict:
        return {"name": self.name, "description": self.description, "params": [p.public() for p in self.params],
                "returns": [{"name": c.name, "type": c.type} for c in self.returns], "notes": list(self.notes)}

    def validate(self, values: dict[str, Any] | None) -> dict[str, Any]:
        """Checked and converted parameters, defaults filled in; ParamError names the bad field."""
        if values is not None and not isinstance(values, dict):
            raise ParamError("parameters", "must be a JSON object of name: value")
        try:
            return self.model.model_validate(values or {}).model_dump()
        except ValidationError as exc:
            err = exc.errors()[0]
            name = str(err["loc"][0]) if err["loc"] else "parameters"
            if err["type"] == "extra_forbidden":
                known = ", ".join(p.name for p in self.params) or "none"
                raise ParamError(name, f"{self.name} takes no such parameter (it takes: {known})") from None
            raise ParamError(name, err["msg"]) from None


def _model(h: Header) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for p in h.params:
        types = tuple(TYPES[t] for t in p.types)
        typ: Any = types[0] if len(types) == 1 else Union[types]  # noqa: UP007 (a runtime tuple)
        if not p.required and p.default is None:
            typ = typ | None
        fields[p.name] = (typ, Field(... if p.required else p.default, description=p.description,
                                     **BOUNDS.get(p.name, {})))
    return create_model(f"{h.name}_params", __config__=ConfigDict(extra="forbid"), **fields)


def parse(text: str, path: Path) -> Query:
    h = parse_header(text, path)
    return Query(header=h, text=text, path=path, model=_model(h))


def used_params(text: str) -> set[str]:
    """The `$parameters` the statement uses (strings, names and comments are not looked into)."""
    return {t.text[1:].strip("`") for t in tokenize(text) if t.kind == "param" and len(t.text) > 1}


@lru_cache(maxsize=4)
def _load(stamp: tuple) -> dict[str, Query]:
    return {q.name: q for q in (parse(p.read_text(encoding="utf-8"), p) for p in sorted(QUERIES_DIR.glob("*.cypher")))}


def catalogue() -> dict[str, Query]:
    """Every catalogue query by name, re-read when a file is added, removed or changed."""
    files = sorted(QUERIES_DIR.glob("*.cypher"))
    return _load(tuple((p.name, p.stat().st_mtime_ns) for p in files))


def get(name: str) -> Query:
    q = catalogue().get(name)
    if q is None:
        raise NotFound("catalogue query", name)
    return q


def run(name: str, params: dict[str, Any] | None = None, *, store: Store, timeout: float | None = None,
        row_cap: int | None = None) -> ReadResult:
    """Validates `params` against the header, then runs the query in a READ transaction."""
    q = get(name)
    return run_read(store, query=q.text, parameters=q.validate(params), timeout=timeout, row_cap=row_cap)


def rows(name: str, params: dict[str, Any] | None = None, *, store: Store) -> list[dict[str, Any]]:
    """The rows as dicts of Python values (dates and datetimes native, nodes as JSON)."""
    return run(name, params, store=store).native_rows()
