"""`grassroots stats`: the article's figures computed from the graph, side by side with the article."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from cli.who import need
from graph.core.language import lang, say
from graph.core.store import get_store
from graph.services.stats.overview import Figure, overview

out = Console(highlight=False)


def _fmt(v: float | None, f: Figure) -> str:
    if v is None:
        return "-"
    text = f"{v:,.2f}" if isinstance(v, float) and not v.is_integer() else f"{int(v):,}"
    if not f.unit_label:
        return text
    # 30,000元, 12,000人次 and 99.11%; in English 30,000 yuan.
    return text + ("" if f.unit == "%" or lang() == "zh" else " ") + f.unit_label


def stats(
    since: Annotated[
        datetime,
        typer.Option(
            "--since",
            formats=["%Y-%m-%d"],
            help=say("“2024年以来”这一时段的第一天", 'First day of the "since 2024" period'),
        ),
    ] = datetime(2024, 1, 1),
    award_year: Annotated[
        int, typer.Option("--award-year", help=say("统计表彰的年份", "Year of the awards counted"))
    ] = 2023,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help=say("有指标与报道不一致时退出状态为 1", "Exit 1 when a figure disagrees with the article"),
        ),
    ] = False,
) -> None:
    """Each figure of the article's table: the value in the graph, the article's value, the period."""
    need("viewer")
    figures: list[Figure] = overview(store=get_store(), since=since.date(), award_year=award_year)
    table = Table(
        say("指标", "figure"),
        say("图谱", "graph"),
        say("报道", "article"),
        say("时段", "period"),
        "",
        title=say("报道中的指标（由图谱计算）", "The article's figures, from the graph"),
    )
    for f in figures:
        table.add_row(
            f.label,
            _fmt(f.value, f),
            _fmt(f.article_value, f),
            f.period_label,
            "[green]✓[/green]" if f.matches else "[red]✗[/red]",
        )
    out.print(table)
    bad = [f for f in figures if not f.matches]
    agree = len(figures) - len(bad)
    out.print(
        say(
            f"{len(figures)} 项指标中 {agree} 项与报道一致。"
            + (f"不一致：{'；'.join(f.label for f in bad)}" if bad else ""),
            f"{agree} of {len(figures)} figures agree with the article."
            + (f" Differ: {', '.join(f.key for f in bad)}" if bad else ""),
        ),
        soft_wrap=True,
    )
    if check and bad:
        raise typer.Exit(1)
