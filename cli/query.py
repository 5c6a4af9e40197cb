"""`grassroots query NAME -p key=value ...`, `grassroots query --list|--docs` and
`grassroots cypher "..."` (the ad-hoc guard of graph.catalogue.adhoc): rows as a rich table, JSON or
CSV (UTF-8 with a BOM, formula-like cells neutralized), with Neo4j's warnings on stderr."""

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

from cli.who import need
from graph.catalogue import adhoc, reads, statements
from graph.catalogue import docs as catalogue_docs
from graph.core.errors import UserError
from graph.core.json_values import BadJSON, check_json, shown
from graph.core.json_values import _Constant as Constant
from graph.core.language import say
from graph.core.privacy import redact
from graph.core.spreadsheets import BOM, csv_text
from graph.core.store import get_store

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


Params = Annotated[
    list[str] | None,
    typer.Option("--param", "-p", help=say("参数 key=value（可重复）；列表写成 JSON 或 a,b,c",
                                           "key=value (repeat); lists as JSON or a,b,c")),
]  # fmt: skip
Fmt = Annotated[Format, typer.Option("--format", "-f", help=say("输出格式：table、json 或 csv", "table, json or csv"))]


def _split(items: list[str] | None) -> dict[str, str]:
    out_: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UserError(say(f"-p {item!r}：参数写成 key=value", f"-p {item!r}: write parameters as key=value"))
        out_[key.strip()] = value
    return out_


def _typed(q: statements.Statement, raw: dict[str, str]) -> dict[str, Any]:
    """Values as the header types them: a string stays a string unless the header says otherwise
    (pydantic converts it to an int, a date, a moment...); lists are JSON or comma-separated;
    `null` is null."""
    types = {p.name: p.type for p in q.params}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if value.strip().lower() == "null":
            values[key] = None
        elif "list<" in types.get(key, ""):
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


def _adhoc_params(items: list[str] | None) -> dict[str, Any]:
    """`-p k=v` gives the string v (ids like 350802006002 stay strings); `-p k:=v` reads v as JSON
    (numbers, booleans, lists, maps)."""
    out_: dict[str, Any] = {}
    for key, value in _split(items).items():
        if key.endswith(":"):
            try:
                out_[key[:-1]] = json.loads(value, parse_constant=Constant)
                check_json(out_[key[:-1]], depth_max=32)
            except BadJSON as exc:
                raise UserError(f"-p {key}={shown(value)}: {exc}") from None
            except (ValueError, RecursionError):
                raise UserError(say(f"-p {key}={value}：不是 JSON", f"-p {key}={value}: not JSON")) from None
        else:
            out_[key] = value
    return out_


def _print(
    columns: list[str], rows: list[dict], fmt: Format, *, truncated: bool = False, warnings: list[str] | None = None
) -> None:
    rows = redact(rows)
    for warning in warnings or []:
        err.print(
            say(f"[yellow]Neo4j 提示：[/yellow]{warning}", f"[yellow]Neo4j warning:[/yellow] {warning}"), soft_wrap=True
        )
    if fmt is Format.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return

    def cell(v: Any) -> str:
        return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)

    if fmt is Format.csv:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(columns)
        w.writerows([[csv_text(None if r[c] is None else cell(r[c])) for c in columns] for r in rows])
        sys.stdout.write(BOM + buf.getvalue())
        return
    table = Table(*columns)
    for r in rows:
        table.add_row(*("" if r[c] is None else cell(r[c]) for c in columns))
    out.print(table)
    cut = say("（已达行数上限，结果被截断）", " (truncated at the row cap)") if truncated else ""
    out.print(say(f"{len(rows)} 行", f"{len(rows)} row{'s' * (len(rows) != 1)}") + cut)


def query(
    name: Annotated[
        str | None, typer.Argument(help=say("目录中的查询名（见 --list）", "a catalogue query (see --list)"))
    ] = None,
    param: Params = None,
    fmt: Fmt = Format.table,
    list_: Annotated[bool, typer.Option("--list", help=say("列出查询目录", "list the catalogue"))] = False,
    docs: Annotated[
        bool, typer.Option("--docs", help=say("输出 docs/queries.md（由查询文件头生成）", "print docs/queries.md"))
    ] = False,
) -> None:
    """Run a catalogue query (cypher/queries/NAME.cypher) read-only, or list the catalogue."""
    need("viewer")
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
    result = reads.read(q.name, _typed(q, _split(param)), store=get_store(), warnings=True)
    _print(result.columns, result.json_rows(), fmt, truncated=result.truncated, warnings=result.warnings)


def cypher(
    statement: Annotated[str, typer.Argument(help=say("一条只读 Cypher 语句", "one read-only Cypher statement"))],
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            help=say(
                "参数 key=value 为字符串，key:=value 按 JSON 读取（可重复）",
                "key=value as a string, key:=value read as JSON (repeat)",
            ),
        ),
    ] = None,
    fmt: Fmt = Format.table,
    timeout: Annotated[
        float | None,
        typer.Option(
            help=say("秒（不超过 GRASSROOTS_QUERY_TIMEOUT_S）", "seconds (at most GRASSROOTS_QUERY_TIMEOUT_S)")
        ),
    ] = None,
    row_cap: Annotated[
        int | None, typer.Option(help=say("行数（不超过 GRASSROOTS_ROW_CAP）", "rows (at most GRASSROOTS_ROW_CAP)"))
    ] = None,
) -> None:
    """Run an ad-hoc read-only query with the API's guard: writes, schema and admin commands, LOAD CSV
    and procedures off the allowed list are refused with the reason."""
    need("analyst")
    r = adhoc.run_adhoc(get_store(), query=statement, parameters=_adhoc_params(param), timeout=timeout, row_cap=row_cap)
    _print(r.columns, r.rows, fmt, truncated=r.truncated, warnings=r.warnings)
