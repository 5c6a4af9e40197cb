"""The supervision ledger (督办清单) a street office prints: the stalled and overdue issues of each
community at a date, with whom to call, as a formatted spreadsheet (one sheet per street)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from graph.catalogue import reads
from graph.core.moments import as_of_moment
from graph.core.store import Store
from graph.model.enums import BETWEENS
from graph.services.issues.stalled import overdue, stalled

LEVEL_ZH = {"grid": "网格", "community": "社区", "street": "街道", "district": "区"}
COLUMNS = [
    ("序号", 6),
    ("社区", 16),
    ("问题编号", 14),
    ("问题", 36),
    ("类别", 12),
    ("督办类型", 10),
    ("环节", 14),
    ("等待天数", 10),
    ("超期天数", 10),
    ("办理期限", 18),
    ("应对接单位", 40),
    ("联系人", 24),
    ("联系电话", 28),
]
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="999999")
PAGE = 1000


def _all(fetch, **kw) -> list[dict]:
    rows, offset = [], 0
    while True:
        _, total, page = fetch(offset=offset, limit=PAGE, **kw)
        rows += page
        offset += PAGE
        if offset >= total:
            return rows


def ledger_rows(*, store: Store, as_of: str | datetime | None, min_days: int = 3) -> list[dict]:
    """Every stalled (all three pairs of levels) and overdue issue at as_of, as ledger lines."""
    t = as_of_moment(as_of)
    lines = []
    for between in BETWEENS:
        for r in _all(stalled, store=store, between=between, min_days=min_days, as_of=t):
            lines.append(
                {
                    **r,
                    "kind": "滞留",
                    "stage": f"{LEVEL_ZH[r['left_level']]}→{LEVEL_ZH[r['waiting_level']]}",
                    "days_overdue": None,
                    "due": None,
                }
            )
    for r in _all(overdue, store=store, as_of=t):
        lines.append({**r, "kind": "超期", "stage": f"{LEVEL_ZH[r['level']]}办理"})
    ids = sorted({o["id"] for line in lines for o in line["next_up"]})
    contacts = {r["id"]: r for r in reads.rows("org_contacts", {"ids": ids}, store=store)} if ids else {}
    for line in lines:
        line["contacts"] = [contacts[o["id"]] for o in line["next_up"] if contacts.get(o["id"], {}).get("contact_name")]
    return lines


def write_ledger(
    *, store: Store, as_of: str | datetime | None, out: Path, min_days: int = 3, street_id: str | None = None
) -> dict:
    """Writes the workbook; returns counts (stalled, overdue, streets)."""
    t = as_of_moment(as_of)
    lines = [
        x
        for x in ledger_rows(store=store, as_of=t, min_days=min_days)
        if street_id is None or x["street_id"] == street_id
    ]
    by_street: dict[tuple, list[dict]] = defaultdict(list)
    for x in lines:
        by_street[(x["street_id"] or "", x["street"] or "未定位")].append(x)
    wb = Workbook()
    _summary(wb.active, by_street, t, min_days)
    used = {"汇总"}
    for (_sid, sname), rows in sorted(by_street.items()):
        title = _sheet_title(sname, used)
        _street_sheet(wb.create_sheet(title), sname, rows, t, min_days)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return {
        "stalled": sum(x["kind"] == "滞留" for x in lines),
        "overdue": sum(x["kind"] == "超期" for x in lines),
        "streets": len(by_street),
    }


ROLE_ZH = {
    "secretary": "书记",
    "director": "主任",
    "head": "负责人",
    "chair": "主任",
    "chairman": "主任",
    "manager": "经理",
    "leader": "组长",
    "person": "",
}


def _who(c: dict) -> str:
    role = ROLE_ZH.get(c["contact_role"], c["contact_role"] or "")
    return f"{c['contact_name']}（{role}）" if role else c["contact_name"]


def _sheet_title(name: str, used: set[str]) -> str:
    base = "".join(ch for ch in name if ch not in "[]:*?/\\")[:28] or "街道"
    title, n = base, 2
    while title in used:
        title, n = f"{base}{n}", n + 1
    used.add(title)
    return title


def _heading(ws, text: str, width: int) -> None:
    ws.cell(row=1, column=1, value=text).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[1].height = 24


def _header(ws, columns: list[tuple[str, int]]) -> None:
    for i, (title, width) in enumerate(columns, 1):
        c = ws.cell(row=2, column=i, value=title)
        c.font, c.fill = Font(bold=True), HEADER_FILL
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A3"


def _street_sheet(ws, street: str, rows: list[dict], t: datetime, min_days: int) -> None:
    _heading(ws, f"{street} 督办清单（截至 {t:%Y-%m-%d %H:%M} UTC，滞留满 {min_days} 天）", len(COLUMNS))
    _header(ws, COLUMNS)
    rows = sorted(
        rows,
        key=lambda x: (x["community"] or "", x["kind"] != "滞留", -(x["days_waited"] or 0), x["issue_id"]),
    )
    for n, x in enumerate(rows, 1):
        values = [
            n,
            x["community"],
            x["issue_id"],
            x["title"],
            x["category_name"] or x["category"],
            x["kind"],
            x["stage"],
            x["days_waited"],
            x["days_overdue"],
            x["due"].strftime("%Y-%m-%d %H:%M") if x["due"] else None,
            "、".join(o["name"] or o["id"] for o in x["next_up"]),
            "、".join(_who(c) for c in x["contacts"]),
            "、".join(c["phone"] or "" for c in x["contacts"]),
        ]
        for i, v in enumerate(values, 1):
            cell = ws.cell(row=n + 2, column=i, value=v)
            cell.alignment = Alignment(vertical="top", wrap_text=i in (4, 11, 12))
            cell.border = Border(bottom=THIN)
    ws.auto_filter.ref = f"A2:{get_column_letter(len(COLUMNS))}{len(rows) + 2}"
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"


def _summary(ws, by_street: dict, t: datetime, min_days: int) -> None:
    ws.title = "汇总"
    cols = [("街道", 20), ("社区", 20), ("滞留", 10), ("超期", 10), ("合计", 10)]
    _heading(ws, f"督办清单汇总（截至 {t:%Y-%m-%d %H:%M} UTC，滞留满 {min_days} 天）", len(cols))
    _header(ws, cols)
    r = 3
    for (_sid, sname), rows in sorted(by_street.items()):
        per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for x in rows:
            per[x["community"] or "未定位"][0 if x["kind"] == "滞留" else 1] += 1
        for community, (s, o) in sorted(per.items()):
            for i, v in enumerate([sname, community, s, o, s + o], 1):
                ws.cell(row=r, column=i, value=v)
            r += 1
