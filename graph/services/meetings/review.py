"""The co-building units' yearly performance review (共建单位年度考评): a unit's scorecard (GET
/units/{id}/scorecard) and the review workbook (`grassroots units review`), one sheet per street
with the units ranked by a rule stated in the sheet."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from graph.catalogue import reads
from graph.core.audit import audited
from graph.core.errors import NotFound
from graph.core.moments import now
from graph.core.spreadsheets import fit_to_width, put
from graph.core.store import Store
from graph.services.areas import resolve_area

MINIMUM = 30_000
RULE = (
    "排名规则：① 在本街道结对的社区，当年共建资金全部达到每年 3 万元（或结对约定的最低额）的单位在前；"
    "② 当年到期任务中，按期完成数减超期未完成数，多者在前；③ 当年参加大党委联席会议次数，多者在前；"
    "④ 当年组织志愿服务人次，多者在前；⑤ 居民评价平均分，高者在前（未评价者在后）；⑥ 仍相同的按单位编号。"
)
RULE_EN = (
    "Ranking rule: (1) units whose paired communities in this street all received at least 30,000 yuan "
    "(or the pairing's own minimum) that year first; (2) tasks due that year done on time minus tasks "
    "overdue, more first; (3) joint meetings attended that year, more first; (4) volunteer person-times "
    "organized that year, more first; (5) residents' mean rating, higher first (unrated last); (6) unit id."
)


def review_day(year: int) -> date:
    """The day tasks are judged on: the year's last day, or today when the year is not over."""
    return min(date(year, 12, 31), now().date())


def _rows(store: Store, *, year: int, unit: str | None = None, street: str | None = None) -> list[dict]:
    params = {"year": year, "as_of_day": review_day(year), "unit": unit, "street": street, "minimum": MINIMUM}
    return reads.rows("unit_scorecard", params, store=store)


def scorecard(*, store: Store, unit_id: str, year: int) -> dict[str, Any]:
    rows = _rows(store, year=year, unit=unit_id)
    if not rows:
        raise NotFound("Unit", unit_id)
    r = rows[0]
    return {
        "year": year,
        "as_of_day": review_day(year),
        "minimum": MINIMUM,
        **r,
        "funding_met": all(p["met"] for p in r["pairings"]) if r["pairings"] else None,
    }


def _key(r: dict, street_id: str) -> tuple:
    here = [p for p in r["pairings"] if p["street_id"] == street_id]
    met = bool(here) and all(p["met"] for p in here)
    rating = r["rating_mean"]
    return (
        not met,
        -(r["tasks_on_time"] - r["tasks_overdue"]),
        -r["meetings_attended"],
        -r["person_times"],
        rating is None,
        -(rating or 0),
        r["unit_id"],
    )


def ranked_by_street(*, store: Store, year: int, street: str | None = None) -> dict[tuple[str, str], list[dict]]:
    """(street id, street name) -> the units paired with its communities, ranked by RULE."""
    sid = resolve_area(store, street, labels=("Street",), field="street").id if street else None
    by_street: dict[tuple[str, str], list[dict]] = {}
    for r in _rows(store, year=year, street=sid):
        streets = {(p["street_id"], p["street"]) for p in r["pairings"] if p["street_id"]}
        for s in streets:
            if sid is None or s[0] == sid:
                by_street.setdefault(s, []).append(r)
    for (s_id, _), units in by_street.items():
        units.sort(key=partial(_key, street_id=s_id))
    return dict(sorted(by_street.items()))


COLUMNS = [
    ("名次", 6), ("单位编号", 12), ("单位", 26), ("结对社区（本街道）", 28), ("共建资金（元）", 14), ("资金达标", 8),
    ("支持项目", 8), ("当年资助项目", 10), ("组织活动", 8), ("志愿服务人次", 10), ("应参加联席会议", 10),
    ("参加联席会议", 10), ("到期任务", 8), ("按期完成", 8), ("逾期完成", 8), ("超期未完成", 8), ("未到期", 8),
    ("居民评价次数", 10), ("评价平均分", 10), ("表彰", 24),
]  # fmt: skip


def write_review(*, store: Store, year: int, out: Path, street: str | None = None) -> dict:
    """Writes the review workbook, one sheet per street; logged as an export."""
    with audited("export", {"export": "units_review", "year": year, "street": street}):
        by_street = ranked_by_street(store=store, year=year, street=street)
        wb = Workbook()
        first = wb.active
        assert first is not None
        wb.remove(first)
        used: set[str] = set()
        for (sid, sname), units in by_street.items():
            _sheet(wb, _title(sname or sid, used), sid, sname, units, year)
        if not by_street:
            ws = wb.create_sheet("无数据")
            ws.cell(row=1, column=1, value=f"{year} 年没有可考评的结对共建单位")
        out.parent.mkdir(parents=True, exist_ok=True)
        wb.save(out)
    return {"streets": len(by_street), "units": sum(len(u) for u in by_street.values()), "year": year}


def _title(name: str, used: set[str]) -> str:
    base = "".join(ch for ch in name if ch not in "[]:*?/\\")[:28] or "街道"
    title, n = base, 2
    while title in used:
        title, n = f"{base}{n}", n + 1
    used.add(title)
    return title


def _sheet(wb: Workbook, title: str, sid: str, sname: str, units: list[dict], year: int) -> None:
    ws = wb.create_sheet(title)
    ws.cell(row=1, column=1, value=f"{sname} {year} 年度共建单位考评（任务截至 {review_day(year)}）").font = Font(
        bold=True, size=14
    )
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    ws.cell(row=2, column=1, value=RULE).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(COLUMNS))
    ws.row_dimensions[2].height = 48
    for i, (name, width) in enumerate(COLUMNS, 1):
        c = ws.cell(row=3, column=i, value=name)
        c.font, c.fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A4"
    for n, r in enumerate(units, 1):
        here = [p for p in r["pairings"] if p["street_id"] == sid]
        values = [
            n, r["unit_id"], r["unit_name"], "、".join(f"{p['community']} {p['amount']}元" for p in here),
            sum(p["amount"] for p in here), "是" if here and all(p["met"] for p in here) else "否",
            r["projects_supported"], r["projects_funded"], r["activities"], r["person_times"], r["meetings_invited"],
            r["meetings_attended"], r["tasks_assigned"], r["tasks_on_time"], r["tasks_late"], r["tasks_overdue"],
            r["tasks_open"], r["ratings"], r["rating_mean"], "、".join(r["awards"]),
        ]  # fmt: skip
        for i, v in enumerate(values, 1):
            put(ws, n + 3, i, v).alignment = Alignment(vertical="top", wrap_text=i in (3, 4, 20))
    fit_to_width(ws, title_rows="1:3")
