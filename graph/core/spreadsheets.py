"""Cells the project writes into spreadsheets and CSV files, safe to open in Excel or WPS.

A text that starts with `=`, `+`, `-` or `@` would be read as a formula (an issue titled
`=HYPERLINK(...)` becomes a live link next to the contact columns): in CSV such a text gets a
leading `'`, in XLSX it is stored as text, never as a formula. Datetimes go in as Excel dates in
the project's time zone (Excel has no time zones). CSV files start with a UTF-8 BOM, so a Chinese
Excel reads them as UTF-8.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from graph.core.moments import local

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"


def csv_text(value: Any) -> str:
    """A value as CSV cell text, a formula-like text neutralized."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def put(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Writes one XLSX cell: text never as a formula, datetimes as Excel dates (local time)."""
    if isinstance(value, datetime):
        cell = ws.cell(row=row, column=column, value=local(value).replace(tzinfo=None))
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, date):
        cell = ws.cell(row=row, column=column, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"  # openpyxl reads a leading '=' as a formula; keep it the text it is
        cell.quotePrefix = True  # and Excel/WPS keep it text when someone edits the cell
    return cell


def fit_to_width(ws: Worksheet, *, title_rows: str = "1:2") -> None:
    """Landscape, one page wide (as many pages tall as it takes), the title rows on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = title_rows
