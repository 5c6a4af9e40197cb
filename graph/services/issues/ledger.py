"""The supervision ledger (督办清单) a street office prints: the stalled and overdue issues of each
community at a moment, with when each was reported, since when it waits, its latest progress and
supervision notes, and whom to call: a formatted workbook, one sheet per street and a summary,
each with its totals, set to print landscape one page wide; a last sheet 任务督办 lists the
meetings' open and overdue tasks (graph.services.meetings.tasks)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from graph.catalogue import reads
from graph.catalogue.paging import PAGE_SIZE_MAX
from graph.core.audit import audited
from graph.core.moments import as_of_moment, local, project_tz
from graph.core.privacy import redact
from graph.core.spreadsheets import fit_to_width, put
from graph.core.store import Store
from graph.model.enums import BETWEENS
from graph.model.vocabulary import display
from graph.services.issues.stalled import EVERY_ISSUE, Narrowing, overdue, stalled
from graph.services.meetings.tasks import write_task_sheet

STALLED, OVERDUE = "滞留", "超期"
COLUMNS = [
    ("序号", 6), ("社区", 14), ("问题编号", 14), ("问题", 32), ("类别", 10), ("反映时间", 17), ("督办类型", 8),
    ("环节", 12), ("起始时间", 17), ("等待天数", 8), ("超期天数", 8), ("办理期限", 17), ("最新进展", 28),
    ("督办意见", 24), ("应对接单位", 32), ("联系人", 20), ("联系电话", 16),
]  # fmt: skip
WRAPPED = {"问题", "最新进展", "督办意见", "应对接单位", "联系人", "联系电话"}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="999999")


def _all(fetch, **kw) -> list[dict]:
    rows: list[dict] = []
    offset = 0
    while True:
        _, total, page = fetch(offset=offset, limit=PAGE_SIZE_MAX, **kw)
        rows += page
        offset += PAGE_SIZE_MAX
        if offset >= total:
            return rows


def _stage(r: dict) -> str:
    if r["kind"] == STALLED:
        return f"{display('level', r['left_level'])}→{display('level', r['waiting_level'])}"
    return f"{display('level', r['level'])}办理"


def _contacts(next_up: list[dict], found: dict[str, dict]) -> list[dict]:
    """Whom to call for a line: one contact per organization, never the same person twice."""
    out, seen = [], set()
    for org in next_up:
        c = found.get(org["id"])
        if not c or not c.get("contact_name"):
            continue
        person = c.get("contact_id") or (c["contact_name"], c.get("phone"))
        if person in seen:
            continue
        seen.add(person)
        out.append(c)
    return out


def ledger_rows(
    *, store: Store, as_of: str | datetime | None, min_days: int = 3, only: Narrowing = EVERY_ISSUE
) -> list[dict]:
    """Every stalled (all three pairs of levels) and overdue issue at as_of, as ledger lines."""
    t = as_of_moment(as_of)
    lines = []
    for between in BETWEENS:
        for r in _all(stalled, store=store, between=between, min_days=min_days, as_of=t, only=only):
            lines.append({**r, "kind": STALLED, "since": r["escalated_at"], "days_overdue": None, "due": None})
    for r in _all(overdue, store=store, as_of=t, only=only):
        lines.append({**r, "kind": OVERDUE, "since": r["accepted_at"]})
    ids = sorted({o["id"] for line in lines for o in line["next_up"]})
    found = {r["id"]: r for r in reads.rows("org_contacts", {"ids": ids}, store=store)} if ids else {}
    issue_ids = sorted({line["issue_id"] for line in lines})
    notes = {r["issue_id"]: r for r in reads.rows("issue_notes", {"ids": issue_ids, "as_of": t}, store=store)}
    for line in lines:
        line["stage"] = _stage(line)
        line["contacts"] = _contacts(line["next_up"], found)
        line.update({k: v for k, v in notes.get(line["issue_id"], {}).items() if k != "issue_id"})
    return lines


def write_ledger(
    *,
    store: Store,
    as_of: str | datetime | None,
    out: Path,
    min_days: int = 3,
    street: str | None = None,
    only: Narrowing | None = None,
) -> dict:
    """Writes the workbook; returns counts (stalled, overdue, streets) and the street asked for.
    `street` (a code or a name) keeps one street; an unknown one is an error naming it. `only`
    narrows further (the API's filters, narrowed to a key's area). Logged as an export."""
    t = as_of_moment(as_of)
    only = only or Narrowing(street=street)
    what = {"export": "ledger", "as_of": t, "min_days": min_days, "district": only.district,
            "street": only.street, "community": only.community}  # fmt: skip
    with audited("export", what):
        return _write_ledger(store=store, t=t, out=out, min_days=min_days, only=only)


def _write_ledger(*, store: Store, t: datetime, out: Path, min_days: int, only: Narrowing) -> dict:
    lines = redact(ledger_rows(store=store, as_of=t, min_days=min_days, only=only))
    by_street: dict[tuple, list[dict]] = defaultdict(list)
    for x in lines:
        by_street[(x["street_id"] or "", x["street"] or "未定位")].append(x)
    wb = Workbook()
    summary = wb.active
    assert summary is not None  # a new workbook has its sheet
    _summary(summary, by_street, t, min_days)
    used = {"汇总"}
    for (_sid, sname), rows in sorted(by_street.items()):
        _street_sheet(wb.create_sheet(_sheet_title(sname, used)), sname, rows, t, min_days)
    tasks = write_task_sheet(
        wb, store=store, t=t, heading=f"会议任务督办（截至 {when(t)}，超期和未完成）",
        district=only.district, street=only.street, community=only.community,
    )  # fmt: skip
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return {
        "stalled": sum(x["kind"] == STALLED for x in lines),
        "overdue": sum(x["kind"] == OVERDUE for x in lines),
        "streets": len(by_street),
        "tasks": tasks,
        "as_of": t,
    }


def when(t: datetime) -> str:
    """`2025-04-30 23:59（北京时间）`: a moment as people read it, with its time zone."""
    t = local(t)
    zone = "北京时间" if getattr(project_tz(), "key", "") == "Asia/Shanghai" else f"UTC{t:%z}"
    return f"{t:%Y-%m-%d %H:%M}（{zone}）"


def _who(c: dict) -> str:
    role = display("role", c.get("contact_role")) if c.get("contact_role") not in (None, "person") else ""
    return f"{c['contact_name']}（{role}）" if role else c["contact_name"]


def _sheet_title(name: str, used: set[str]) -> str:
    base = "".join(ch for ch in name if ch not in "[]:*?/\\")[:28] or "街道"
    title, n = base, 2
    while title in used:
        title, n = f"{base}{n}", n + 1
    used.add(title)
    return title


def _heading(ws: Worksheet, text: str, width: int) -> None:
    ws.cell(row=1, column=1, value=text).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[1].height = 24


def _header(ws: Worksheet, columns: list[tuple[str, int]]) -> None:
    for i, (title, width) in enumerate(columns, 1):
        c = ws.cell(row=2, column=i, value=title)
        c.font, c.fill = Font(bold=True), HEADER_FILL
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A3"


def _total_row(ws: Worksheet, row: int, values: list[Any]) -> None:
    for i, v in enumerate(values, 1):
        cell = put(ws, row, i, v)
        cell.font, cell.fill = Font(bold=True), TOTAL_FILL
        cell.border = Border(top=THIN, bottom=THIN)


def _street_sheet(ws: Worksheet, street: str, rows: list[dict], t: datetime, min_days: int) -> None:
    _heading(ws, f"{street} 督办清单（截至 {when(t)}，滞留满 {min_days} 天）", len(COLUMNS))
    _header(ws, COLUMNS)
    rows = sorted(
        rows, key=lambda x: (x["community"] or "", x["kind"] != STALLED, -(x["days_waited"] or 0), x["issue_id"])
    )
    for n, x in enumerate(rows, 1):
        values = [
            n, x["community"], x["issue_id"], x["title"], x["category_name"] or x["category"], x.get("reported_at"),
            x["kind"], x["stage"], x["since"], x["days_waited"], x["days_overdue"], x["due"], x.get("progress_note"),
            x.get("supervision_note"), "、".join(o["name"] or o["id"] for o in x["next_up"]),
            "、".join(_who(c) for c in x["contacts"]), "、".join(c["phone"] or "" for c in x["contacts"]),
        ]  # fmt: skip
        for i, v in enumerate(values, 1):
            cell = put(ws, n + 2, i, v)
            cell.alignment = Alignment(vertical="top", wrap_text=COLUMNS[i - 1][0] in WRAPPED)
            cell.border = Border(bottom=THIN)
    stalled_n = sum(x["kind"] == STALLED for x in rows)
    last = len(rows) + 2
    _total_row(ws, last + 1, ["合计", f"{len(rows)} 件", f"滞留 {stalled_n} 件", f"超期 {len(rows) - stalled_n} 件"])
    ws.auto_filter.ref = f"A2:{get_column_letter(len(COLUMNS))}{last}"
    fit_to_width(ws)


def _summary(ws: Worksheet, by_street: dict, t: datetime, min_days: int) -> None:
    ws.title = "汇总"
    cols = [("街道", 20), ("社区", 20), ("滞留", 10), ("超期", 10), ("合计", 10)]
    _heading(ws, f"督办清单汇总（截至 {when(t)}，滞留满 {min_days} 天）", len(cols))
    _header(ws, cols)
    r = 3
    totals = [0, 0]
    for (_sid, sname), rows in sorted(by_street.items()):
        per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for x in rows:
            per[x["community"] or "未定位"][0 if x["kind"] == STALLED else 1] += 1
        for community, (s, o) in sorted(per.items()):
            for i, v in enumerate([sname, community, s, o, s + o], 1):
                put(ws, r, i, v)
            totals[0], totals[1] = totals[0] + s, totals[1] + o
            r += 1
    _total_row(ws, r, ["合计", f"{len(by_street)} 个街道", totals[0], totals[1], totals[0] + totals[1]])
    fit_to_width(ws)
