"""Reads the `//` header of a Cypher statement file (every file under cypher/ has one):

    // name: grid_units
    // description: Which units cover a grid, directly or through their pairing with its community.
    // param: grid_id: string -- the grid's id
    // param: limit: int = 100 -- page size
    // returns: unit_id (string), unit_name (string), via (string: direct or pairing)

TYPE is one of string, int, float, bool, date, datetime, moment, list<string>, list<int>, map,
list<map> (also spelled integer, boolean, "list of strings"), one of the model's enumerations
(level, between, step_action, issue_status, channel, meeting_kind, task_status, label: the value
must be one of its codes), or several joined by `|` (any of them is accepted). An int or float may
carry bounds: `int[0..3650]`, `int[1..]`. A `moment` is an instant: a date means the end of that
day in the project's time zone, a datetime without an offset is read in it (graph.core.moments).
`name` is the file's name (`grid_units`), or for files outside queries/ its path under cypher/
(`admin/server_info`); `returns` may be left out only by statements that return nothing. DEFAULT is a
literal (`null`, `3`, `'grid'`, `['a', 'b']`); `now` for a date or datetime means null, which the
query reads as "now". A `//` line with no key continues the description (before the first
parameter) or the columns (after `returns:`); elsewhere it is a note, shown in the docs.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field

from graph.core.moments import parse_moment
from graph.model import enums
from graph.model.nodes import LABELS
from graph.model.types import DateTime

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
INT64 = Field(ge=INT64_MIN, le=INT64_MAX)  # what Neo4j can hold; larger numbers are refused, not wrapped


def _no_surrogates(v: str) -> str:
    # A lone surrogate ("\ud800") is no character: Neo4j and the driver cannot encode it.
    if any("\ud800" <= ch <= "\udfff" for ch in v):
        raise ValueError("holds a lone surrogate, which is not a character")
    return v


Text = Annotated[str, AfterValidator(_no_surrogates)]


def _codes(enum: type[enums.StrEnum]) -> Any:
    """A Literal of the enum's codes: pydantic then names the allowed values when one is wrong."""
    return Literal[tuple(m.value for m in enum)]


def _code_list(enum: type[enums.StrEnum]) -> Any:
    codes = _codes(enum)
    return list[codes]  # type: ignore[valid-type]  # a type built at run time from the model


TYPES: dict[str, Any] = {
    "string": Text,
    "int": Annotated[int, INT64],
    "float": Annotated[float, Field(allow_inf_nan=False)],
    "bool": bool,
    "date": date,
    "datetime": DateTime,
    "moment": Annotated[datetime, BeforeValidator(parse_moment)],
    "list<string>": list[Text],
    "list<int>": list[Annotated[int, INT64]],
    "map": dict[str, Any],
    "list<map>": list[dict[str, Any]],
    "level": _codes(enums.Level),
    "between": _codes(enums.Between),
    "list<between>": _code_list(enums.Between),
    "step_action": _codes(enums.StepAction),
    "issue_status": _codes(enums.IssueStatus),
    "list<issue_status>": _code_list(enums.IssueStatus),
    "channel": _codes(enums.IssueChannel),
    "meeting_kind": _codes(enums.MeetingKind),
    "task_status": _codes(enums.TaskStatus),
    "label": Literal[tuple(sorted(LABELS))],
}
ENUM_TYPES = {
    "level",
    "between",
    "list<between>",
    "step_action",
    "issue_status",
    "channel",
    "meeting_kind",
    "task_status",
    "label",
}
_BOUNDS = re.compile(r"^(int|float)\s*\[\s*(-?[\d.]+)?\s*\.\.\s*(-?[\d.]+)?\s*\]$")
ALIASES = {
    "integer": "int",
    "str": "string",
    "boolean": "bool",
    "number": "float",
    "list of strings": "list<string>",
    "list of string": "list<string>",
    "list<str>": "list<string>",
    "list of maps": "list<map>",
    "list of map": "list<map>",
    "list of integers": "list<int>",
}
NO_DEFAULT: Any = type("NoDefault", (), {"__repr__": lambda self: "<required>"})()

_KEY = re.compile(r"^//\s*(name|description|param|returns)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s*:\s*(.+?)\s*(?:=\s*(.*?))?\s*(?:--\s*(.*))?$")
_COLUMN = re.compile(r"^\s*(\w+)\s*(?:\((.*)\))?\s*$", re.S)


class HeaderError(ValueError):
    """A query file whose header does not follow the format; the message names the file."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # canonical, e.g. "int", "int[0..3650]" or "datetime|date|string"
    description: str = ""
    default: Any = NO_DEFAULT

    @property
    def bounds(self) -> dict[str, float]:
        """{"ge": lo, "le": hi} from `int[lo..hi]`."""
        m = _BOUNDS.match(self.type)
        if not m:
            return {}
        cast = int if m.group(1) == "int" else float
        out = {}
        if m.group(2):
            out["ge"] = cast(m.group(2))
        if m.group(3):
            out["le"] = cast(m.group(3))
        return out

    @property
    def required(self) -> bool:
        return self.default is NO_DEFAULT

    @property
    def types(self) -> list[str]:
        """The base types, bounds left out."""
        return [_BOUNDS.sub(r"\1", t) for t in self.type.split("|")]

    def public(self) -> dict:
        default = None if self.required else self.default
        return {
            "name": self.name,
            "type": self.type,
            "required": self.required,
            "default": default.isoformat() if isinstance(default, (date, datetime)) else default,
            "description": self.description,
        }


@dataclass(frozen=True)
class Column:
    name: str
    type: str = ""


@dataclass(frozen=True)
class Header:
    name: str
    description: str
    params: tuple[Param, ...]
    returns: tuple[Column, ...]
    notes: tuple[str, ...] = ()


def canonical_type(raw: str) -> str | None:
    parts = []
    for p in raw.split("|"):
        p = p.strip().lower()
        m = _BOUNDS.match(p)
        base = m.group(1) if m else ALIASES.get(p, p)
        if base not in TYPES:
            return None
        parts.append(p if m else base)
    return "|".join(parts) if parts else None


def parse_default(raw: str, typ: str) -> Any:
    raw = raw.strip()
    bases = [_BOUNDS.sub(r"\1", t) for t in typ.split("|")]
    if raw.lower() in ("null", "none") or (raw.lower() == "now" and {"date", "datetime", "moment"} & set(bases)):
        return None
    for t in bases:
        try:
            if t == "string" or (t in ENUM_TYPES and not t.startswith("list<")):
                return raw[1:-1] if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"" else raw
            if t == "bool" and raw.lower() in ("true", "false"):
                return raw.lower() == "true"
            if t == "int":
                return int(raw)
            if t == "float":
                return float(raw)
            if t == "date":
                return date.fromisoformat(raw.strip("'\""))
            if t == "datetime":
                return datetime.fromisoformat(raw.strip("'\""))
            if t in ("list<string>", "list<between>", "list<issue_status>"):
                try:
                    value = json.loads(raw)
                except ValueError:
                    value = ast.literal_eval(raw)
                if isinstance(value, list) and all(isinstance(v, str) for v in value):
                    return value
        except (ValueError, SyntaxError):
            continue
    raise ValueError(f"default {raw!r} is not of type {typ}")


def split_columns(s: str) -> list[str]:
    """Splits 'a (map: id, name), b (int)' on the commas outside parentheses."""
    out, depth, cur = [], 0, ""
    for ch in s:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return [p.strip() for p in out + [cur] if p.strip()]


def parse_header(text: str, path: Path, *, name: str | None = None, require_returns: bool = True) -> Header:
    """The header of `path`; `name` is the statement's name under cypher/ when it lives outside queries/."""
    where = path.name
    expected = {path.stem} | ({name} if name else set())
    found: dict[str, list[str]] = {"name": [], "description": [], "returns": []}
    params: list[Param] = []
    notes: list[str] = []
    last: str | None = None
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("//"):
            break
        m = _KEY.match(line)
        if not m:
            if last is not None and last in ("description", "returns"):
                found[last].append(line[2:].strip())
            elif line[2:].strip():
                notes.append(line[2:].strip())
            continue
        last, value = m.group(1), m.group(2).strip()
        if last != "param":
            found[last].append(value)
            continue
        pm = _PARAM.match(value)
        typ = canonical_type(pm.group(2)) if pm else None
        if not pm or typ is None:
            raise HeaderError(
                f"{where}: cannot read the parameter line {value!r} (NAME: TYPE [= DEFAULT] -- "
                f"meaning; TYPE one of {', '.join(TYPES)}, or several joined by '|')"
            )
        pname, _, default_raw, desc = pm.groups()
        try:
            default = NO_DEFAULT if default_raw is None else parse_default(default_raw, typ)
        except ValueError as exc:
            raise HeaderError(f"{where}: parameter {pname}: {exc}") from None
        params.append(Param(pname, typ, (desc or "").strip(), default))
    declared = " ".join(found["name"]).strip()
    if not declared:
        raise HeaderError(f"{where}: no `// name:` line")
    if declared not in expected:
        raise HeaderError(f"{where}: the name {declared!r} differs from the file name")
    description = " ".join(found["description"]).strip()
    if not description:
        raise HeaderError(f"{where}: no `// description:` line")
    columns = []
    for part in split_columns(" ".join(found["returns"])):
        cm = _COLUMN.match(part)
        if not cm:
            raise HeaderError(f"{where}: cannot read the returned column {part!r} (name (type), ...)")
        columns.append(Column(cm.group(1), (cm.group(2) or "").strip()))
    if not columns and require_returns:
        raise HeaderError(f"{where}: no `// returns:` line")
    if len({p.name for p in params}) != len(params):
        raise HeaderError(f"{where}: a parameter is declared twice")
    return Header(declared, description, tuple(params), tuple(columns), tuple(notes))
