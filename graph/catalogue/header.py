"""Reads the `//` header of a Cypher statement file (every file under cypher/ has one):

    // name: grid_units
    // description: Which units cover a grid, directly or through their pairing with its community.
    // param: grid_id: string -- the grid's id
    // param: limit: int = 100 -- page size
    // returns: unit_id (string), unit_name (string), via (string: direct or pairing)

TYPE is one of string, int, float, bool, date, datetime, list<string>, list<int>, map, list<map>
(also spelled integer, boolean, "list of strings"), or several joined by `|` (any of them is
accepted). `name` is the file's name (`grid_units`), or for files outside queries/ its path under
cypher/ (`admin/server_info`); `returns` may be left out only by statements that return nothing. DEFAULT is a
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
from typing import Any

from graph.model.types import DateTime

TYPES: dict[str, Any] = {
    "string": str,
    "int": int,
    "float": float,
    "bool": bool,
    "date": date,
    "datetime": DateTime,
    "list<string>": list[str],
    "list<int>": list[int],
    "map": dict[str, Any],
    "list<map>": list[dict[str, Any]],
}
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
    type: str  # canonical, e.g. "int" or "datetime|date|string"
    description: str = ""
    default: Any = NO_DEFAULT

    @property
    def required(self) -> bool:
        return self.default is NO_DEFAULT

    @property
    def types(self) -> list[str]:
        return self.type.split("|")

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
    parts = [ALIASES.get(p.strip().lower(), p.strip().lower()) for p in raw.split("|")]
    return "|".join(parts) if parts and all(p in TYPES for p in parts) else None


def parse_default(raw: str, typ: str) -> Any:
    raw = raw.strip()
    if raw.lower() in ("null", "none") or (raw.lower() == "now" and {"date", "datetime"} & set(typ.split("|"))):
        return None
    for t in typ.split("|"):
        try:
            if t == "string":
                return raw[1:-1] if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"" else raw
            if t == "bool" and raw.lower() in ("true", "false"):
                return raw.lower() == "true"
            if t in ("int", "float"):
                return TYPES[t](raw)
            if t == "date":
                return date.fromisoformat(raw.strip("'\""))
            if t == "datetime":
                return datetime.fromisoformat(raw.strip("'\""))
            if t == "list<string>":
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
