"""`grassroots schema apply|show`."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from graph.catalogue.schema import apply_schema, schema_state
from graph.core.store import get_store

app = typer.Typer(no_args_is_help=True)
out = Console(highlight=False)


@app.command()
def apply() -> None:
    """Create every constraint and index of the model (idempotent)."""
    n = apply_schema(get_store())
    out.print(f"Schema applied: {n} statements, all indexes online.")


@app.command()
def show() -> None:
    """List constraints and indexes."""
    table = Table("kind", "name", "type", "labels", "properties", "state")
    for row in schema_state(get_store()):
        table.add_row(
            row["kind"],
            row["name"],
            row["type"],
            ",".join(row["labels"] or []),
            ",".join(row["properties"] or []),
            row["state"],
        )
    out.print(table)
