"""Tracking the tasks of meetings' task lists (GET /tasks): open, overdue or done on a day of the
project's time zone, reproducible for a past day; the task sheet of the supervision ledger."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from graph.catalogue import reads
from graph.core.errors import ParamError
from graph.core.moments import as_of_moment, local
from graph.core.privacy import redact
from graph.core.spreadsheets import fit_to_width, put
from graph.core.store import Store
from graph.model.enums import TaskStatus

STATUSES = [s.value for s in TaskStatus]


def as_of_day(t: datetime) -> date:
    """The day of the project's time zone a moment falls on: task deadlines are such days."""
    return local(t).date()


def task_rows(
    *,
    store: Store,
    as_of: str | datetime | None,
    status: str | None = None,
    community: str | None = None,
    street: str | None = None,
    district: str | None = None,
    unit: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[datetime, int, list[dict]]:
    """(as_of, total, one page of tasks) with their status on the as_of day."""
    t = as_of_moment(as_of)
    if status is not None and str(status) not in STATUSES:
        raise ParamError("status", f"{status!r} is not one of {', '.join(STATUSES)}")
    params = {
        "as_of_day": as_of_day(t),
        "status": None if status is None else str(status),
        "community": community,
        "street": street,
        "district": district,
        "unit": unit,
        "offset": offset,
        "limit": limit,
    }
    rows = reads.rows("tasks_at", params, store=store)
    total = rows[0]["total"] if rows else 0
    return t, total, [r for r in rows if r["task_id"] is not None]


SHEET_COLUMNS = [
    ("序号", 6), ("社区", 14), ("任务编号", 16), ("任务", 30), ("来源会议", 24), ("会议日期", 12), ("责任单位", 24),
    ("办理期限", 12), ("状态", 8), ("超期天数", 8), ("最新进展", 28), ("对应问题", 18),
]  # fmt: skip
STATUS_ZH = {"open": "未完成", "overdue": "超期", "done": "已完成"}


def write_task_sheet(wb: Workbook, *, store: Store, t: datetime, heading: str, **only: str | None) -> int:
    """Adds the sheet 任务督办 to the ledger: the open and overdue tasks on the as_of day, overdue
    first, narrowed like the ledger (district, street, community). Returns how many lines."""
    rows: list[dict] = []
    for status in ("overdue", "open"):
        offset = 0
        while True:
            _, total, page = task_rows(store=store, as_of=t, status=status, limit=1000, offset=offset, **only)
            rows += page
            offset += 1000
            if offset >= total:
                break
    rows = redact(rows)
    ws = wb.create_sheet("任务督办")
    ws.cell(row=1, column=1, value=heading).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(SHEET_COLUMNS))
    for i, (title, width) in enumerate(SHEET_COLUMNS, 1):
        c = ws.cell(row=2, column=i, value=title)
        c.font, c.fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A3"
    for n, x in enumerate(rows, 1):
        a = x["assignee"] or {}
        values = [
            n, x["community"], x["task_id"], x["title"], x["meeting"] or x["meeting_id"], x["meeting_date"],
            a.get("name") or a.get("id"), x["due"], STATUS_ZH[x["status"]], x["days_overdue"], x["progress_note"],
            "、".join(x["issue_ids"]),
        ]  # fmt: skip
        for i, v in enumerate(values, 1):
            put(ws, n + 2, i, v).alignment = Alignment(vertical="top", wrap_text=i in (4, 7, 11, 12))
    overdue = sum(x["status"] == "overdue" for x in rows)
    last = len(rows) + 3
    for i, v in enumerate(["合计", f"{len(rows)} 项", f"超期 {overdue} 项", f"未到期 {len(rows) - overdue} 项"], 1):
        put(ws, last, i, v).font = Font(bold=True)
    fit_to_width(ws)
    return len(rows)
