"""`grassroots query NAME -p key=value ...`, `grassroots query --list|--docs` and
`grassroots cypher "..."` (the ad-hoc guard of graph.catalogue.adhoc): rows as a rich table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from graph.catalogue import adhoc, reads, statements
from graph.catalogue import docs as catalogue_docs
from graph.core.errors import UserError
from graph.core.store import get_store

out = Console(highlight=False)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


Params = Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value (repeat); lists as JSON or a,b,c")]
Fmt = Annotated[Format, typer.Option("--format", "-f", help="table, json or csv")]


def _split(items: list[str] | None) -> dict[str, str]:
    out_: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UserError(f"-p {item!r}: write parameters as key=value")
        out_[key.strip()] = value
    return out_


def _typed(q: statements.Statement, raw: dict[str, str]) -> dict[str, Any]:
    """Values as the header types them: pydantic converts strings to int, bool, date...; lists are
    JSON or comma-separated; `null` is null."""
    types = {p.name: p.type for p in q.params}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if value.strip().lower() == "null":
            values[key] = None
        elif "list<string>" in types.get(key, ""):
            values[key] = (
                json.loads(value)
                if value.lstrip().startswith("[")
                else [v.strip() for v in value.split(",") if v.strip()]
            )
        else:
            values[key] = value
    return values


def _first_clause(text: str) -> str:
    for stop in (": ", ". ", "; "):
        text = text.split(stop)[0]
    return text.rstrip(".")


def _json_value(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value


def _print(columns: list[str], rows: list[dict], fmt: Format, *, truncated: bool = False) -> None:
    if fmt is Format.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return

    def cell(v: Any) -> str:
        return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)

    if fmt is Format.csv:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(columns)
        w.writerows([["" if r[c] is None else cell(r[c]) for c in columns] for r in rows])
        sys.stdout.write(buf.getvalue())
        return
    table = Table(*columns)
    for r in rows:
        table.add_row(*("" if r[c] is None else cell(r[c]) for c in columns))
    out.print(table)
    out.print(f"{len(rows)} row{'s' * (len(rows) != 1)}" + (" (truncated at the row cap)" if truncated else ""))


def query(
    name: Annotated[str | None, typer.Argument(help="a catalogue query (see --list)")] = None,
    param: Params = None,
    fmt: Fmt = Format.table,
    list_: Annotated[bool, typer.Option("--list", help="list the catalogue")] = False,
    docs: Annotated[bool, typer.Option("--docs", help="print docs/queries.md (generated from the headers)")] = False,
) -> None:
    """Run a catalogue query (cypher/queries/NAME.cypher) read-only, or list the catalogue."""
    if docs:
        sys.stdout.write(catalogue_docs.render())
        return
    if list_ or not name:
        rows = [
            {
                "name": q.name,
                "params": ", ".join(p.name + ("" if p.required else "?") for p in q.params),
                "question": _first_clause(q.description),
            }
            for q in statements.catalogue().values()
        ]
        _print(["name", "params", "question"], rows, fmt)
        return
    q = statements.get(name)
    result = reads.read(q.name, _typed(q, _split(param)), store=get_store())
    _print(result.columns, result.json_rows(), fmt, truncated=result.truncated)


def cypher(
    statement: Annotated[str, typer.Argument(help="one read-only Cypher statement")],
    param: Params = None,
    fmt: Fmt = Format.table,
    timeout: Annotated[float | None, typer.Option(help="seconds (at most GRASSROOTS_QUERY_TIMEOUT_S)")] = None,
    row_cap: Annotated[int | None, typer.Option(help="rows (at most GRASSROOTS_ROW_CAP)")] = None,
) -> None:
    """Run an ad-hoc read-only query, with the API's guard: writes, schema and admin commands,
    LOAD CSV and procedures off the allowed list are refused with the reason."""
    params = {k: _json_value(v) for k, v in _split(param).items()}
    r = adhoc.run_adhoc(get_store(), query=statement, parameters=params, timeout=timeout, row_cap=row_cap)
    _print(r.columns, r.rows, fmt, truncated=r.truncated)
