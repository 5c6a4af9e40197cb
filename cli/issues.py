"""`grassroots issues report`: the supervision ledger (督办清单) as a spreadsheet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.core.moments import as_of_moment
from graph.core.store import get_store
from graph.services.issues.ledger import write_ledger

app = typer.Typer(no_args_is_help=True)
out = Console(highlight=False)


@app.command()
def report(
    as_of: Annotated[str, typer.Option("--as-of", help="date (end of that day, 23:59:59 UTC) or datetime")],
    out_file: Annotated[Path, typer.Option("--out", help="the .xlsx file to write")],
    min_days: Annotated[int, typer.Option(help="stalled after this many whole days")] = 3,
    street: Annotated[str | None, typer.Option(help="only this street's id")] = None,
) -> None:
    """Write the stalled and overdue issues of each community, with whom to call, one sheet per street."""
    t = as_of_moment(as_of, field="--as-of")
    if out_file.suffix.lower() != ".xlsx":
        raise typer.BadParameter("the ledger is an .xlsx file", param_hint="--out")
    counts = write_ledger(store=get_store(), as_of=t, out=out_file, min_days=min_days, street_id=street)
    out.print(
        f"Wrote {out_file}: {counts['stalled']} stalled and {counts['overdue']} overdue issues "
        f"in {counts['streets']} street(s), as of {t:%Y-%m-%d %H:%M:%S} UTC."
    )
