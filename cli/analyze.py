"""`grassroots analyze NAME --under CODE`: one network analysis of an area (docs/analytics.md),
as a table with Chinese headers (English with GRASSROOTS_LANG=en)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from cli.who import need
from graph.core.language import say
from graph.core.moments import as_of_moment
from graph.core.store import get_store
from graph.services.analytics.run import NAMES, Name, analyze

out = Console(highlight=False)

TITLES = {
    "bridging": ("桥接者（中介中心性）", "Bridging (betweenness)"),
    "points_of_failure": ("单点风险", "Points of failure"),
    "workload": ("工作负荷", "Workload"),
    "clusters": ("共建单位协作群", "Clusters of co-operating units"),
    "escalation_flow": ("问题流转", "Escalation flow"),
    "coverage": ("覆盖率与报道对照", "Coverage against the article"),
}
HEADERS = {
    "id": ("编号", "id"),
    "label": ("类别", "label"),
    "name": ("名称", "name"),
    "betweenness": ("中介中心性", "betweenness"),
    "kind": ("类型", "kind"),
    "leaves": ("失去后无覆盖", "left uncovered"),
    "communities": ("社区", "communities"),
    "grids": ("网格", "grids"),
    "compounds": ("小区", "compounds"),
    "open_issues": ("未办结问题", "open issues"),
    "cluster": ("群", "cluster"),
    "units": ("单位", "units"),
    "names": ("名称", "names"),
    "category": ("类别", "category"),
    "quarter": ("季度", "quarter"),
    "source": ("从", "from"),
    "target": ("到", "to"),
    "issues": ("问题数", "issues"),
    "measure": ("指标", "measure"),
    "covered": ("已覆盖", "covered"),
    "total": ("总数", "total"),
    "share": ("占比%", "share %"),
    "article": ("报道%", "article %"),
    "gap": ("缺口", "gap"),
}


def _cell(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, list):
        return "、".join(str(x) for x in v[:8]) + (f" …(+{len(v) - 8})" if len(v) > 8 else "")
    return str(v)


def analyze_command(
    name: Annotated[str, typer.Argument(help=say("分析：", "The analysis: ") + ", ".join(NAMES))],
    under: Annotated[
        str,
        typer.Option(
            "--under", help=say("区、街道或社区（代码或名称）", "District, street or community (code or name)")
        ),
    ],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help=say("截至时刻（问题流转）", "As of (escalation flow)"))
    ] = None,
) -> None:
    """One analysis of an area's co-building network."""
    need("analyst", area_scoped=True)
    if name not in NAMES:
        raise typer.BadParameter(
            say(f"未知分析 {name!r}，可选：", f"unknown analysis {name!r}; one of: ") + ", ".join(NAMES)
        )
    store = get_store()
    result = analyze(store, _name(name), under=under, as_of=as_of_moment(as_of))
    zh, en = TITLES[name]
    keys = list(result.rows[0]) if result.rows else []
    table = Table(*(say(*HEADERS.get(k, (k, k))) for k in keys), title=f"{say(zh, en)} — {result.under}")
    for row in result.rows:
        table.add_row(*(_cell(row[k]) for k in keys))
    out.print(table)
    out.print("  ".join(f"{k}={_cell(v)}" for k, v in result.summary.items()), soft_wrap=True)


def _name(name: str) -> Name:
    return name  # type: ignore[return-value]  # checked against NAMES above
