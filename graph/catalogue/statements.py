"""Every Cypher statement file with its typed header (graph.catalogue.header), and the catalogue.

A statement is named by its path under `cypher/` without `.cypher` (`admin/server_info`,
`writes/issue_loop_lock`, `ingest/exists/Grid`); the catalogue's queries (`cypher/queries/`) by
their file name alone (`grid_units`). Parameters are validated by a pydantic model built from the
header before anything reaches Neo4j (a bad one raises ParamError naming the field: HTTP 422);
`limit` and `offset` get paging bounds (1..10,000 and >= 0) without the header having to say so.
Files are re-read when they change, so an analyst's new query needs no restart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from graph.catalogue.header import INT64_MAX, INT64_MIN, TYPES, Column, Header, HeaderError, Param, parse_header
from graph.catalogue.lexer import tokenize
from graph.core.errors import NotFound, ParamError
from graph.core.resources import cypher_dir, cypher_path

__all__ = ["Column", "HeaderError", "Param", "Statement", "catalogue", "get", "statement", "used_params"]

CATALOGUE = "queries"
BOUNDS = {"limit": {"ge": 1, "le": 10_000}, "offset": {"ge": 0}}


@dataclass(frozen=True)
class Statement:
    header: Header
    text: str
    path: Path
    model: type[BaseModel] = field(repr=False, compare=False)

    @property
    def name(self) -> str:
        return self.header.name

    @property
    def description(self) -> str:
        return self.header.description

    @property
    def params(self) -> tuple[Param, ...]:
        return self.header.params

    @property
    def returns(self) -> tuple[Column, ...]:
        return self.header.returns

    @property
    def notes(self) -> tuple[str, ...]:
        return self.header.notes

    def public(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "params": [p.public() for p in self.params],
            "returns": [{"name": c.name, "type": c.type} for c in self.returns],
            "notes": list(self.notes),
        }

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
            raise ParamError(name, err["msg"].removeprefix("Value error, ")) from None


def _bounded(t: str, bounds: dict[str, Any]) -> Any:
    """The pydantic type of header type `t`; a number within `bounds` (and within 64 bits)."""
    if t == "int" and bounds:
        return Annotated[
            int, Field(ge=max(bounds.get("ge", INT64_MIN), INT64_MIN), le=min(bounds.get("le", INT64_MAX), INT64_MAX))
        ]
    if t == "float" and bounds:
        return Annotated[float, Field(allow_inf_nan=False, **bounds)]
    return TYPES[t]


def _model(h: Header) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for p in h.params:
        bounds: dict[str, Any] = {**BOUNDS.get(p.name, {}), **p.bounds}
        types = tuple(_bounded(t, bounds) for t in p.types)
        typ: Any = types[0] if len(types) == 1 else Union[types]  # noqa: UP007  # a tuple of types built at run time
        if not p.required and p.default is None:
            typ = typ | None
        default: Any = ... if p.required else p.default
        fields[p.name] = (typ, Field(default, description=p.description))
    model: type[BaseModel] = create_model(
        f"{h.name.replace('/', '_')}_params", __config__=ConfigDict(extra="forbid"), **fields
    )
    return model


def parse(text: str, path: Path, *, name: str | None = None) -> Statement:
    """A statement from its text; `name` is its path under cypher/ for files outside queries/."""
    h = parse_header(text, path, name=name, require_returns=name is None)
    return Statement(header=h, text=text, path=path, model=_model(h))


def used_params(text: str) -> set[str]:
    """The `$parameters` the statement uses (strings, names and comments are not looked into)."""
    return {t.text[1:].strip("`") for t in tokenize(text) if t.kind == "param" and len(t.text) > 1}


def relpath(name: str) -> str:
    """`grid_units` -> `queries/grid_units`; a name with a folder is already a path under cypher/."""
    return name if "/" in name else f"{CATALOGUE}/{name}"


@lru_cache(maxsize=512)
def _load(rel: str, stamp: int) -> Statement:
    path = cypher_path(rel)
    in_catalogue = rel.startswith(CATALOGUE + "/")
    return parse(path.read_text(encoding="utf-8"), path, name=None if in_catalogue else rel)


def statement(name: str) -> Statement:
    """The statement called `name` (see the module docstring); NotFound when there is no such file."""
    rel = relpath(name)
    try:
        path = cypher_path(rel)
        stamp = path.stat().st_mtime_ns
    except (ValueError, OSError):
        raise NotFound("catalogue query" if "/" not in name else "Cypher statement", name) from None
    return _load(rel, stamp)


def catalogue() -> dict[str, Statement]:
    """Every catalogue query by name, in name order, as the files on disk are now."""
    files = sorted((cypher_dir() / CATALOGUE).glob("*.cypher"))
    return {p.stem: statement(p.stem) for p in files}


def get(name: str) -> Statement:
    """A catalogue query (cypher/queries/NAME.cypher) by name; NotFound otherwise."""
    if "/" in name:
        raise NotFound("catalogue query", name)
    return statement(name)
