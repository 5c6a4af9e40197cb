"""Streaming readers for the input files: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030), XLSX and JSON Lines.

A reader yields `(row_number, values)` where values maps the header *as written in the file* to the
cell (stripped text, empty cells as None). Row numbers are what a spreadsheet shows: the header is
row 1, so the first data row is row 2; in JSON Lines the row number is the line number. Nothing is
read whole: CSV and JSON Lines go line by line, XLSX through openpyxl's read-only (streaming) mode.
Problems with a file as a whole raise `FileProblem`.
"""

from __future__ import annotations

import csv
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from graph.model.kinds import BY_NAME, BY_ZH, FileKind
from ingest.encodings import FileProblem, detect_encoding

CSV_SUFFIXES = {".csv": ",", ".tsv": "\t"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = set(CSV_SUFFIXES) | XLSX_SUFFIXES | JSONL_SUFFIXES


@dataclass
class InputFile:
    path: Path
    kind: FileKind | None  # None: the file name names no kind
    fmt: str  # csv | xlsx | jsonl


def kind_for(path: Path) -> FileKind | None:
    """`communities.csv`, `社区.xlsx`, `Communities.CSV` -> the kind; anything else -> None."""
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return BY_NAME.get(stem.strip().lower()) or BY_ZH.get(stem.strip())


def _fmt(path: Path) -> str:
    s = path.suffix.lower()
    return "csv" if s in CSV_SUFFIXES else "xlsx" if s in XLSX_SUFFIXES else "jsonl"


def discover(paths: list[Path]) -> tuple[list[InputFile], list[tuple[Path, str]]]:
    """Files to load (folders walked, sorted) and (path, reason) for paths that cannot be used."""
    found: list[InputFile] = []
    bad: list[tuple[Path, str]] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                if f.suffix.lower() in SUFFIXES and not f.name.startswith((".", "~$")):
                    found.append(InputFile(f, kind_for(f), _fmt(f)))
        elif p.is_file():
            if p.suffix.lower() not in SUFFIXES:
                bad.append((p, f"unsupported file type {p.suffix or '(none)'}: use .csv, .tsv, .xlsx or .jsonl"))
            else:
                found.append(InputFile(p, kind_for(p), _fmt(p)))
        else:
            bad.append((p, "no such file or folder"))
    return found, bad


def clean(v: Any) -> Any:
    """Strips text; empty text is a missing value (None)."""
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v


# --- readers ------------------------------------------------------------------------------------


def read_rows(f: InputFile) -> tuple[list[str | None], Iterator[tuple[int, list[Any]]]]:
    """(header, rows) for CSV/XLSX: header cells as written (None for an empty cell), and an
    iterator of (row number, cells). Empty rows are skipped but counted. Raises FileProblem."""
    return _csv(f.path) if f.fmt == "csv" else _xlsx(f.path)


def _csv(path: Path):
    enc = detect_encoding(path)
    handle = path.open(encoding=enc, newline="", errors="strict")
    reader = csv.reader(handle, delimiter=CSV_SUFFIXES.get(path.suffix.lower(), ","))
    try:
        header = next(reader, None)
    except (UnicodeDecodeError, csv.Error) as exc:
        handle.close()
        raise FileProblem(_csv_reason(exc, enc), row=1) from None
    if header is None or not any(h.strip() for h in header):
        handle.close()
        raise FileProblem("is empty: no header row (the first row must name the columns)")

    def rows():
        n = 1
        with handle:
            try:
                for rec in reader:
                    n += 1
                    if any(c.strip() for c in rec):
                        yield n, [clean(c) for c in rec]
            except (UnicodeDecodeError, csv.Error) as exc:
                raise FileProblem(_csv_reason(exc, enc), row=n + 1) from None

    return [clean(h) for h in header], rows()


def _csv_reason(exc: Exception, enc: str) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"is not valid {enc} text from here on (mixed encodings?); save it as CSV UTF-8"
    return f"is not a readable CSV file: {exc}"


def _cell(v: Any) -> Any:
    """An XLSX cell as the text a CSV export would hold, so every format validates the same way."""
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == time(0) and v.tzinfo is None else v.isoformat()
    if isinstance(v, (date, time)):
        return v.isoformat()
    return clean(str(v))


def _xlsx(path: Path):
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileProblem(f"is not a readable XLSX workbook ({type(exc).__name__}: {exc})") from None
    ws = wb.worksheets[0]
    it = ws.iter_rows(values_only=True)
    header = next(it, None)
    if header is None or not any(_cell(h) for h in header):
        wb.close()
        raise FileProblem("is empty: no header row in its first sheet (the first row must name the columns)")

    def rows():
        try:
            for n, rec in enumerate(it, start=2):
                cells = [_cell(c) for c in rec]
                if any(c is not None for c in cells):
                    yield n, cells
        finally:
            wb.close()

    return [_cell(h) for h in header], rows()


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any] | None]]:
    """(line number, object) per non-blank line. A line that is not a JSON object raises
    FileProblem only for encoding trouble; bad lines are yielded as (n, None)."""
    try:
        handle = path.open(encoding="utf-8-sig", errors="strict")
    except OSError as exc:
        raise FileProblem(f"cannot be opened: {exc.strerror}") from None
    n = 0
    with handle:
        try:
            for n, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    obj = None
                yield n, (obj if isinstance(obj, dict) else None)
        except UnicodeDecodeError:
            raise FileProblem("is not valid UTF-8 from here on (JSON Lines must be UTF-8)", row=n + 1) from None
