"""`grassroots agenda COMMUNITY` and `grassroots units review`: the joint meeting's agenda and the
co-building units' yearly review (docs/meetings.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cli.who import need
from graph.core.language import say
from graph.core.moments import as_of_moment
from graph.core.privacy import redact
from graph.core.store import get_store
from graph.services.meetings import agenda_files
from graph.services.meetings.agenda import agenda as build_agenda
from graph.services.meetings.review import write_review

units_app = typer.Typer(no_args_is_help=True)
out = Console(highlight=False)


def agenda(
    community: Annotated[str, typer.Argument(help=say("社区：代码或名称", "the community: code or name"))],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help=say("日期（项目时区当天结束时）或日期时间；默认现在", "a date or datetime; default now")
        ),
    ] = None,
    out_file: Annotated[
        Path | None,
        typer.Option("--out", help=say("写入 .md、.xlsx 或 .docx 文件", "write a .md, .xlsx or .docx file")),
    ] = None,
) -> None:
    """The agenda of the community's next joint meeting, with suggested attendees."""
    need("viewer")
    if out_file is not None and out_file.suffix.lower() not in agenda_files.FORMATS:
        raise typer.BadParameter(say("议程可写成 .md、.xlsx 或 .docx", "write .md, .xlsx or .docx"), param_hint="--out")
    a = build_agenda(store=get_store(), community=community, as_of=as_of_moment(as_of, field="--as-of"))
    if out_file is None:
        out.print(agenda_files.markdown(redact(a)), soft_wrap=True, markup=False)
        return
    agenda_files.write(a, out_file)
    c = a["counts"]
    out.print(
        say(
            f"已写入 {out_file}：{len(a['items'])} 项议题"
            f"（问题 {c['issues']} 件、任务 {c['tasks']} 项、短板 {c['gaps']} 项）。",
            f"Wrote {out_file}: {len(a['items'])} items ({c['issues']} issues, {c['tasks']} tasks, {c['gaps']} gaps).",
        ),
        soft_wrap=True,
    )


@units_app.command(
    help=say("共建单位年度考评表，每个街道一张工作表", "The co-building units' yearly review, one sheet per street.")
)
def review(
    year: Annotated[int, typer.Option("--year", min=2000, max=2100, help=say("考评年度", "the year reviewed"))],
    out_file: Annotated[Path, typer.Option("--out", help=say("要写入的 .xlsx 文件", "the .xlsx file to write"))],
    street: Annotated[
        str | None, typer.Option(help=say("只看这个街道：代码或名称", "only this street: code or name"))
    ] = None,
) -> None:
    need("analyst")
    if out_file.suffix.lower() != ".xlsx":
        raise typer.BadParameter(say("考评表是 .xlsx 文件", "the review is an .xlsx file"), param_hint="--out")
    counts = write_review(store=get_store(), year=year, out=out_file, street=street)
    out.print(
        say(
            f"已写入 {out_file}：{counts['streets']} 个街道、{counts['units']} 个单位（{year} 年）。",
            f"Wrote {out_file}: {counts['streets']} street(s), {counts['units']} unit(s) ({year}).",
        ),
        soft_wrap=True,
    )
