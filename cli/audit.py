"""`grassroots audit`: the audit log, newest first (graph.core.audit), admin only."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from cli.who import need
from graph.core import audit as log
from graph.core.language import lang, say
from graph.core.moments import local, since_moment

out = Console(highlight=False)


def audit(
    since: Annotated[
        str | None, typer.Option(help=say("从此日期或时间起（项目时区）", "from this date or time (project time zone)"))
    ] = None,
    action: Annotated[str | None, typer.Option(help=", ".join(log.ACTIONS))] = None,
    actor: Annotated[
        str | None, typer.Option(help=say("密钥名称、local 或 cli:用户", "a key's name, local or cli:<user>"))
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help=say("输出 JSON Lines", "print JSON Lines"))] = False,
) -> None:
    """The newest entries first: when, who, what, outcome."""
    need("admin")
    total, rows = log.entries(since=since_moment(since) if since else None, action=action, actor=actor, limit=limit)
    if as_json:
        for r in rows:
            print(json.dumps({**r, "at": local(r["at"]).isoformat()}, ensure_ascii=False))
        return
    zh, en = ["时间", "操作者", "角色", "操作", "内容", "结果"], ["at", "actor", "role", "action", "what", "outcome"]
    t = Table(*(en if lang() == "en" else zh))
    for r in rows:
        what = json.dumps(r["what"], ensure_ascii=False)
        t.add_row(f"{local(r['at']):%Y-%m-%d %H:%M:%S}", r["actor"], r["role"], r["action"], what[:200], r["outcome"])
    out.print(t)
    out.print(say(f"共 {total} 条，显示最新 {len(rows)} 条。", f"{total} entries; the newest {len(rows)} shown."))
