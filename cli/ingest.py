"""`grassroots ingest PATH...` and `grassroots templates --out DIR`: thin commands over ingest/."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph.core.store import get_store
from ingest.pipeline import DEFAULT_BATCH_SIZE, LoadReport, load
from ingest.templates import write_docs, write_templates

out = Console(highlight=False)
SHOWN_ERRORS = 10


def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files (.csv, .tsv, .xlsx, .jsonl) or folders, walked; each file named "
            "after its kind, e.g. communities.csv or 社区.xlsx"
        ),
    ],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate only: check every row, write nothing")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Write nothing if any row is rejected")] = False,
    errors: Annotated[
        Path | None,
        typer.Option("--errors", help="Write every rejected row to this CSV (file,row,column,value,reason)"),
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Rows per write transaction")
    ] = DEFAULT_BATCH_SIZE,
) -> None:
    """Validate files against the model and load them into the graph. Exit status 1 when any row was rejected."""
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
        out.print(f"Every rejected row is in {errors}.")
    if not report.ok:
        raise typer.Exit(1)


def print_report(r: LoadReport) -> None:
    table = Table("kind", "files", "valid", "loaded", "rejected", title="Load summary")
    for name, k in sorted(r.kinds.items(), key=lambda kv: kv[0]):
        table.add_row(
            name,
            str(k.files),
            f"{k.valid:,}",
            f"{k.loaded:,}",
            f"[red]{k.rejected:,}[/red]" if k.rejected else "0",
        )
    out.print(table)
    what = (
        "validated (dry run, nothing written)"
        if r.dry_run
        else (f"loaded {r.loaded:,} rows" if r.written else "nothing written (--strict and rows were rejected)")
    )
    out.print(
        f"{len(r.files)} files: {what}; {r.valid:,} valid, {r.rejected:,} rejected, in {r.elapsed:.1f} s"
        + (f" ({r.rows_per_second:,.0f} rows/s)" if r.written and r.loaded else "")
    )
    if r.errors:
        out.print(f"First {min(SHOWN_ERRORS, len(r.errors))} of {r.errors_total:,} errors:")
        for e in r.errors[:SHOWN_ERRORS]:
            out.print(f"  [red]✗[/red] {e}", soft_wrap=True)


def templates(
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Folder for the templates: one CSV and one XLSX per kind")
    ] = None,
    docs: Annotated[
        Path | None,
        typer.Option("--docs", help="Also (re)write the column reference, e.g. docs/ingest.md"),
    ] = None,
) -> None:
    """Write an input template per kind (English header row, one example row). Chinese headers are accepted too."""
    if out_dir is None and docs is None:
        raise typer.BadParameter("give --out DIR (templates) and/or --docs FILE (the column reference)")
    if out_dir is not None:
        written = write_templates(out_dir)
        out.print(f"Wrote {len(written)} templates to {out_dir} (CSV and XLSX per kind).")
    if docs is not None:
        write_docs(docs)
        out.print(f"Wrote {docs}.")
