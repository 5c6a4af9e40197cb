"""The agenda of a community's next joint meeting (GET /communities/{id}/agenda): its big matters
grouped by category, the open and overdue tasks of earlier meetings and its gaps, each item with
why it is there, its evidence and the suggested attendees, each with the graph path that
justifies it (docs/meetings.md)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from graph.catalogue import reads
from graph.core.moments import as_of_moment, local
from graph.core.store import Store
from graph.model.vocabulary import display
from graph.services import gaps
from graph.services.areas import resolve_area
from graph.services.meetings.tasks import task_rows

# The order suggested attendees come in within an item (lower first), then by how many of the
# item's issues point at them.
ROLE_RANK = {
    "assignee": 1,
    "department": 1,
    "covering_unit": 2,
    "property_company": 3,
    "owners_committee": 4,
    "property_mgmt_committee": 4,
    "paired_unit": 5,
    "linked_cadre": 6,
}
ROLE_ZH = {
    "assignee": "任务责任单位",
    "department": "责任部门",
    "covering_unit": "包联网格单位",
    "property_company": "物业企业",
    "owners_committee": "业主委员会",
    "property_mgmt_committee": "物业管理委员会",
    "paired_unit": "结对共建单位",
    "linked_cadre": "挂钩干部",
}
GAP_CATEGORY = "property"  # the department asked about compounds without management


def _zh(domain: str, code: str | None) -> str:
    return display(domain, code, "zh")  # the reasons are Chinese whatever the caller reads


def _issue_why(r: dict) -> str:
    level = _zh("level", r["level"])
    if r["overdue"]:
        return f"{_zh('level', r['last_level'])}受理后已超过办理期限，{r['days_since']} 天无进展"
    if r["last_action"] == "escalated":
        return f"由{_zh('level', r['last_level'])}上报至{level}，等待受理已 {r['days_since']} 天"
    if r["last_action"] == "filed":
        return f"直接在{level}登记，尚未受理（{r['days_since']} 天）"
    if r["last_action"] == "reopened":
        return f"在{level}重新办理，{r['days_since']} 天"
    return f"在{level}办理中（{_zh('action', r['last_action'])}，{r['days_since']} 天）"


def _attendee(row: dict, reason: str, support: int = 1) -> dict:
    return {
        "id": row["id"],
        "name": row["name"],
        "label": row["label"],
        "role": row["role"],
        "reason": reason,
        "support": support,
        "paths": [row["hops"]],
    }


def _rank(found: list[dict]) -> list[dict]:
    merged: dict[tuple[str, str], dict] = {}
    for a in found:
        key = (a["id"], a["role"])
        if key in merged:
            m = merged[key]
            m["support"] += a["support"]
            m["paths"] += [p for p in a["paths"] if p not in m["paths"]]
        else:
            merged[key] = {**a, "paths": list(a["paths"])}
    best: dict[str, dict] = {}
    for a in merged.values():  # one suggestion per organization or person: its strongest role
        b = best.get(a["id"])
        if b is None or (ROLE_RANK[a["role"]], -a["support"]) < (ROLE_RANK[b["role"]], -b["support"]):
            best[a["id"]] = a
    out = sorted(best.values(), key=lambda a: (ROLE_RANK[a["role"]], -a["support"], a["id"]))
    for n, a in enumerate(out, 1):
        a["rank"] = n
    return out


def _everyone(rows: list[dict]) -> list[dict]:
    """The community's own attendees, for any item: its paired units and its linked cadres."""
    out = []
    for r in rows:
        if r["role"] == "paired_unit":
            out.append(_attendee(r, "与本社区结对共建，是大党委成员单位"))
        elif r["role"] == "linked_cadre":
            out.append(_attendee(r, "挂钩联系本社区的干部，任大党委第一书记"))
    return out


def _issue_items(issues: list[dict], rows: list[dict], common: list[dict]) -> list[dict]:
    by_cat: dict[str, list[dict]] = defaultdict(list)
    for i in issues:
        by_cat[i["category"]].append(i)
    items = []
    for cat, group in sorted(by_cat.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        ids = {i["issue_id"] for i in group}
        cat_name = group[0]["category_name"] or cat
        found = []
        for r in rows:
            if r["role"] == "department" and r["category"] == cat:
                found.append(_attendee(r, f"负责「{cat_name}」类问题的区直部门"))
            elif r["issue_id"] in ids and r["role"] in ("covering_unit",):
                found.append(_attendee(r, "包联问题发生的网格"))
            elif r["issue_id"] in ids and r["role"] in ("property_company", "property_mgmt_committee"):
                found.append(_attendee(r, "管理问题所在网格的小区"))
            elif r["issue_id"] in ids and r["role"] == "owners_committee":
                found.append(_attendee(r, "代表问题所在网格小区的业主"))
        overdue = sum(i["overdue"] for i in group)
        above = sum(i["level"] in ("street", "district") for i in group)
        parts = [f"{len(group)} 件未办结的「{cat_name}」类问题需要社区以上力量"]
        if above:
            parts.append(f"{above} 件已上报街道或区")
        if overdue:
            parts.append(f"{overdue} 件超期")
        items.append(
            {
                "kind": "issues",
                "key": f"issues:{cat}",
                "title": f"「{cat_name}」类问题（{len(group)} 件）",
                "category": cat,
                "why": "，".join(parts),
                "evidence": [{**i, "why": _issue_why(i)} for i in group],
                "attendees": _rank(found + common),
            }
        )
    return items


def _task_items(tasks: list[dict], common: list[dict]) -> list[dict]:
    items = []
    for t in tasks:
        a = t["assignee"]
        found = []
        if a:
            hops = [
                {"from_label": "Meeting", "from_id": t["meeting_id"], "type": "FOR", "to_label": "Community",
                 "to_id": t["community_id"]},
                {"from_label": "Meeting", "from_id": t["meeting_id"], "type": "PRODUCED", "to_label": "Task",
                 "to_id": t["task_id"]},
                {"from_label": "Task", "from_id": t["task_id"], "type": "ASSIGNED_TO", "to_label": a["label"],
                 "to_id": a["id"]},
            ]  # fmt: skip
            row = {"id": a["id"], "name": a["name"], "label": a["label"], "role": "assignee", "hops": hops}
            found.append(_attendee(row, "会议任务清单中的责任单位，汇报办理情况"))
        when = f"{t['meeting_date']}「{t['meeting'] or t['meeting_id']}」"
        why = (
            f"{when}形成的任务，期限 {t['due']}，已超期 {t['days_overdue']} 天"
            if t["status"] == "overdue"
            else f"{when}形成的任务，期限 {t['due']}，尚未完成"
        )
        items.append(
            {
                "kind": "task",
                "key": f"task:{t['task_id']}",
                "title": f"任务：{t['title']}",
                "category": None,
                "why": why,
                "evidence": [t],
                "attendees": _rank(found + common),
            }
        )
    return items


def _gap_items(store: Store, cid: str, t: datetime, rows: list[dict], common: list[dict]) -> list[dict]:
    day = local(t).date()
    items = []
    units = {r["id"]: r for r in rows if r["role"] == "paired_unit"}
    cadres = [a for a in common if a["role"] == "linked_cadre"]
    for g in gaps.units_below_minimum(store=store, year=day.year, community=cid, limit=1000).items:
        found = [_attendee(units[g.unit_id], "结对共建资金未达标的单位")] if g.unit_id in units else []
        items.append(
            {
                "kind": "gap_funding",
                "key": f"gap_funding:{g.unit_id}",
                "title": f"共建资金：{g.unit_name or g.unit_id}",
                "category": None,
                "why": f"{day.year} 年截至 {day} 已拨付 {g.amount} 元，"
                f"低于每年 {g.minimum} 元的要求，差 {g.shortfall} 元",
                "evidence": [g.model_dump()],
                "attendees": _rank(found + cadres),
            }
        )
    compounds = gaps.compounds_unmanaged(store=store, community=cid, limit=1000).items
    if compounds:
        found = [_attendee(r, "负责物业管理的区直部门") for r in rows
                 if r["role"] == "department" and r["category"] == GAP_CATEGORY]  # fmt: skip
        items.append(
            {
                "kind": "gap_compounds",
                "key": "gap_compounds",
                "title": f"无物业管理的小区（{len(compounds)} 个）",
                "category": GAP_CATEGORY,
                "why": "小区既无物业企业或物管会管理，也未实行自治自管或社区兜底",
                "evidence": [c.model_dump() for c in compounds],
                "attendees": _rank(found + cadres),
            }
        )
    grids = gaps.grids_uncovered(store=store, community=cid, limit=1000).items
    if grids:
        items.append(
            {
                "kind": "gap_grids",
                "key": "gap_grids",
                "title": f"无单位包联的网格（{len(grids)} 个）",
                "category": None,
                "why": "这些网格既无单位直接包联，社区也没有结对共建单位",
                "evidence": [g.model_dump() for g in grids],
                "attendees": _rank(list(cadres)),
            }
        )
    missed = gaps.missed_joint_meetings(store=store, year=day.year, as_of=day, community=cid, limit=100).items
    for m in missed:
        items.append(
            {
                "kind": "gap_meetings",
                "key": f"gap_meetings:{m.quarter}",
                "title": f"{m.quarter} 未召开联席会议",
                "category": None,
                "why": f"大党委每季度至少召开一次联席会议，{m.quarter} 截至 {day} 尚未召开",
                "evidence": [m.model_dump()],
                "attendees": _rank(list(common)),
            }
        )
    return items


def agenda(*, store: Store, community: str, as_of: str | datetime | None = None) -> dict[str, Any]:
    """The agenda of `community` (code or name) at `as_of`: items in order (big matters by
    category, then tasks, then gaps), each with why, evidence and ranked suggested attendees, and
    everyone suggested across the items, ranked by how many items need them."""
    t = as_of_moment(as_of)
    area = resolve_area(store, community, labels=("Community",), field="community")
    issues = reads.rows("agenda_issues", {"community_id": area.id, "as_of": t}, store=store)
    _, _, tasks = task_rows(store=store, as_of=t, community=area.id, status=None, limit=1000)
    tasks = [x for x in tasks if x["status"] in ("open", "overdue")]
    rows = reads.rows(
        "agenda_attendees",
        {"community_id": area.id, "issue_ids": [i["issue_id"] for i in issues], "categories": [GAP_CATEGORY]},
        store=store,
    )
    common = _everyone(rows)
    items = (
        _issue_items(issues, rows, common) + _task_items(tasks, common) + _gap_items(store, area.id, t, rows, common)
    )
    tally: dict[str, dict] = {}
    for item in items:
        for a in item["attendees"]:
            s = tally.setdefault(
                a["id"], {k: a[k] for k in ("id", "name", "label")} | {"items": [], "suggested_as": []}
            )  # noqa: E501
            s["items"].append(item["key"])
            if a["role"] not in s["suggested_as"]:
                s["suggested_as"].append(a["role"])
    everyone = sorted(
        tally.values(), key=lambda s: (-len(s["items"]), min(ROLE_RANK[r] for r in s["suggested_as"]), s["id"])
    )  # noqa: E501
    for n, s in enumerate(everyone, 1):
        s["rank"] = n
        s["reason"] = f"{len(s['items'])} 项议题需要（" + "、".join(ROLE_ZH[r] for r in s["suggested_as"]) + "）"
    return {
        "community_id": area.id,
        "community": area.name,
        "as_of": t,
        "items": items,
        "attendees": everyone,
        "counts": {
            "issues": len(issues),
            "tasks": len(tasks),
            "gaps": sum(1 for i in items if i["kind"].startswith("gap")),
        },
    }
