"""`grassroots issues report`: the supervision ledger (督办清单) as a spreadsheet."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cli.who import need
from graph.core.language import say
from graph.core.moments import as_of_moment, local, project_tz
from graph.core.store import get_store
from graph.services.issues.ledger import when, write_ledger
from graph.services.issues.stalled import Narrowing
from graph.services.scope import narrowed

app = typer.Typer(no_args_is_help=True)
out = Console(highlight=False)


def _when(t: datetime) -> str:
    """The moment as the ledger writes it (`2025-04-30 23:59（北京时间）`), or in English."""
    t = local(t)
    zone = "Beijing time" if getattr(project_tz(), "key", "") == "Asia/Shanghai" else f"UTC{t:%z}"
    return say(when(t), f"{t:%Y-%m-%d %H:%M} ({zone})")


@app.command(
    help=say(
        "写出各社区滞留和超期的问题以及应联系的人，每个街道一张工作表",
        "Write the stalled and overdue issues of each community, with whom to call, one sheet per street.",
    )
)
def report(
    as_of: Annotated[
        str,
        typer.Option(
            "--as-of",
            help=say(
                "日期（指项目时区中当天结束时，默认北京时间 23:59:59）或日期时间（不带时区的按项目时区）",
                "a date (the end of that day in the project's time zone, Beijing time by default) "
                "or a datetime (without an offset: in the project's time zone)",
            ),
        ),
    ],
    out_file: Annotated[Path, typer.Option("--out", help=say("要写入的 .xlsx 文件", "the .xlsx file to write"))],
    min_days: Annotated[
        int, typer.Option(help=say("等待满这么多整天算滞留", "stalled after this many whole days"))
    ] = 3,
    street: Annotated[
        str | None,
        typer.Option(
            help=say(
                "只看这个街道：代码或名称，如 350802006 或 曹溪街道",
                "only this street: its code or its name, e.g. 350802006 or 曹溪街道",
            )
        ),
    ] = None,
) -> None:
    """Write the stalled and overdue issues of each community, with whom to call, one sheet per street."""
    caller = need("analyst", area_scoped=True)
    t = as_of_moment(as_of, field="--as-of")
    if out_file.suffix.lower() != ".xlsx":
        raise typer.BadParameter(say("督办清单是 .xlsx 文件", "the ledger is an .xlsx file"), param_hint="--out")
    store = get_store()
    only = narrowed(store, caller, Narrowing(street=street))  # a key limited to an area: that area only
    counts = write_ledger(store=store, as_of=t, out=out_file, min_days=min_days, only=only)
    stalled, overdue, streets, at = counts["stalled"], counts["overdue"], counts["streets"], _when(counts["as_of"])
    out.print(
        say(
            f"已写入 {out_file}：滞留 {stalled} 件、超期 {overdue} 件，涉及 {streets} 个街道，截至 {at}。",
            f"Wrote {out_file}: {stalled} stalled and {overdue} overdue issues in {streets} street(s), as of {at}.",
        ),
        soft_wrap=True,
    )
