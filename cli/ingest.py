"""`grassroots ingest PATH...` and `grassroots templates --out DIR`: thin commands over ingest/."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from cli.who import need
from graph.core.language import say
from graph.core.store import get_store
from graph.model.kinds import BY_NAME
from ingest.pipeline import DEFAULT_BATCH_SIZE, LoadReport, load
from ingest.templates import write_docs, write_templates

out = Console(highlight=False)
SHOWN_ERRORS = 10


def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help=say(
                "文件（.csv、.tsv、.xlsx、.jsonl）或目录（逐层查找）；文件以其输入类别命名，"
                "如 communities.csv 或 社区.xlsx",
                "Files (.csv, .tsv, .xlsx, .jsonl) or folders, walked; each file named "
                "after its kind, e.g. communities.csv or 社区.xlsx",
            )
        ),
    ],
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help=say("只校验：检查每一行，不写入", "Validate only: check every row, write nothing")
        ),
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help=say("只要有行被拒绝就不写入", "Write nothing if any row is rejected"))
    ] = False,
    errors: Annotated[
        Path | None,
        typer.Option(
            "--errors",
            help=say(
                "把每个被拒绝的行写入这个 CSV（file,row,column,value,reason）",
                "Write every rejected row to this CSV (file,row,column,value,reason)",
            ),
        ),
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help=say("每个写事务的行数", "Rows per write transaction"))
    ] = DEFAULT_BATCH_SIZE,
) -> None:
    """Validate files against the model and load them into the graph. Exit status 1 when any row was rejected."""
    need("admin")
    report = load(
        paths,
        store=get_store(),
        batch_size=batch_size,
        strict=strict,
        dry_run=dry_run,
        errors_file=errors,
        progress=True,
    )
    print_report(report)
    if errors is not None and report.errors_total:
        out.print(say(f"所有被拒绝的行都已写入 {errors}。", f"Every rejected row is in {errors}."), soft_wrap=True)
    if not report.ok:
        raise typer.Exit(1)


def _kind(name: str) -> str:
    """A file kind as its code (what files are named after), with its Chinese name in Chinese."""
    kind = BY_NAME.get(name)
    return say(f"{kind.zh}（{name}）", name) if kind else name


def print_report(r: LoadReport) -> None:
    table = Table(
        say("输入类别", "kind"),
        say("文件数", "files"),
        say("有效", "valid"),
        say("已载入", "loaded"),
        say("拒绝", "rejected"),
        title=say("载入汇总", "Load summary"),
    )
    for name, k in sorted(r.kinds.items(), key=lambda kv: kv[0]):
        table.add_row(
            _kind(name),
            str(k.files),
            f"{k.valid:,}",
            f"{k.loaded:,}",
            f"[red]{k.rejected:,}[/red]" if k.rejected else "0",
        )
    out.print(table)
    if r.dry_run:
        what = say("已校验（试运行，未写入）", "validated (dry run, nothing written)")
    elif r.written:
        what = say(f"已载入 {r.loaded:,} 行", f"loaded {r.loaded:,} rows")
    else:
        what = say("未写入（使用了 --strict 且有行被拒绝）", "nothing written (--strict and rows were rejected)")
    speed = r.written and r.loaded
    out.print(
        say(
            f"{len(r.files)} 个文件：{what}；有效 {r.valid:,} 行，拒绝 {r.rejected:,} 行，用时 {r.elapsed:.1f} 秒"
            + (f"（每秒 {r.rows_per_second:,.0f} 行）" if speed else ""),
            f"{len(r.files)} files: {what}; {r.valid:,} valid, {r.rejected:,} rejected, in {r.elapsed:.1f} s"
            + (f" ({r.rows_per_second:,.0f} rows/s)" if speed else ""),
        ),
        soft_wrap=True,
    )
    if r.errors:
        shown = min(SHOWN_ERRORS, len(r.errors))
        out.print(
            say(f"共 {r.errors_total:,} 个错误，前 {shown} 个：", f"First {shown} of {r.errors_total:,} errors:"),
            soft_wrap=True,
        )
        for e in r.errors[:SHOWN_ERRORS]:
            out.print(f"  [red]✗[/red] {e}", soft_wrap=True)


def templates(
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help=say(
                "模板目录：每种输入一个 CSV 和一个 XLSX", "Folder for the templates: one CSV and one XLSX per kind"
            ),
        ),
    ] = None,
    docs: Annotated[
        Path | None,
        typer.Option(
            "--docs",
            help=say(
                "同时（重新）写出列说明，如 docs/ingest.md", "Also (re)write the column reference, e.g. docs/ingest.md"
            ),
        ),
    ] = None,
) -> None:
    """Write an input template per kind (English header row, one example row). Chinese headers are accepted too."""
    if out_dir is None and docs is None:
        raise typer.BadParameter(
            say(
                "请给出 --out DIR（模板）和/或 --docs FILE（列说明）",
                "give --out DIR (templates) and/or --docs FILE (the column reference)",
            )
        )
    if out_dir is not None:
        written = write_templates(out_dir)
        out.print(
            say(
                f"已在 {out_dir} 写入 {len(written)} 个模板（每种输入一个 CSV 和一个 XLSX）。",
                f"Wrote {len(written)} templates to {out_dir} (CSV and XLSX per kind).",
            ),
            soft_wrap=True,
        )
    if docs is not None:
        write_docs(docs)
        out.print(say(f"已写入 {docs}。", f"Wrote {docs}."), soft_wrap=True)
