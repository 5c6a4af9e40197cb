"""`grassroots stats`: the article's figures computed from the graph, side by side with the article."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph.core.store import get_store
from graph.services.stats.overview import Figure, overview

out = Console(highlight=False)


def _fmt(v: float | None, unit: str) -> str:
    if v is None:
        return "-"
    text = f"{v:,.2f}" if isinstance(v, float) and not v.is_integer() else f"{int(v):,}"
    return text + ("%" if unit == "%" else "")


def stats(
    since: Annotated[
        datetime, typer.Option("--since", formats=["%Y-%m-%d"], help='First day of the "since 2024" period')
    ] = datetime(2024, 1, 1),
    award_year: Annotated[int, typer.Option("--award-year", help="Year of the awards counted")] = 2023,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when a figure disagrees with the article")] = False,
) -> None:
    """Each figure of the article's table: the value in the graph, the article's value, the period."""
    figures: list[Figure] = overview(store=get_store(), since=since.date(), award_year=award_year)
    table = Table("figure", "graph", "article", "period", "", title="The article's figures, from the graph")
    for f in figures:
        table.add_row(
            f.label,
            _fmt(f.value, f.unit),
            _fmt(f.article_value, f.unit),
            f.period,
            "[green]✓[/green]" if f.matches else "[red]✗[/red]",
        )
    out.print(table)
    bad = [f.key for f in figures if not f.matches]
    out.print(
        f"{len(figures) - len(bad)} of {len(figures)} figures agree with the article."
        + (f" Differ: {', '.join(bad)}" if bad else "")
    )
    if check and bad:
        raise typer.Exit(1)
