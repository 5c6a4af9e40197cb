"""Streams generated rows to `<kind>.csv` files, the ordinary input format of `grassroots ingest`.

UTF-8 without BOM, `\\n` line ends, the English header of the kind's row model (graph.model.kinds)
in model order. Values are written as a person would type them in a spreadsheet: `true`/`false`,
lists joined with `;`, ISO dates and timestamps with their +08:00 offset, empty for none.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from graph.model.kinds import BY_NAME


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Files:
    """One open CSV writer per kind, created on first use; `counts` holds rows written."""

    def __init__(self, out: Path, *, omit: dict[str, set[str]] | None = None):
        self.out = Path(out)
        self.omit = omit or {}  # kind -> columns left out of the file (so a load keeps what the graph has)
        self.out.mkdir(parents=True, exist_ok=True)
        self._open: dict[str, tuple[TextIO, Any, list[str]]] = {}
        self.counts: dict[str, int] = {}

    def write(self, kind: str, row: dict[str, Any]) -> None:
        entry = self._open.get(kind)
        if entry is None:
            columns = [c for c in BY_NAME[kind].row.model_fields if c not in self.omit.get(kind, ())]
            f = open(self.out / f"{kind}.csv", "w", encoding="utf-8", newline="")
            w = csv.writer(f, lineterminator="\n")
            w.writerow(columns)
            entry = self._open[kind] = (f, w, columns)
            self.counts[kind] = 0
        unknown = row.keys() - set(entry[2])
        if unknown:
            raise KeyError(f"{kind}: no column(s) {sorted(unknown)}")
        entry[1].writerow([cell(row.get(c)) for c in entry[2]])
        self.counts[kind] += 1

    def close(self) -> None:
        for f, _, _ in self._open.values():
            f.close()
        self._open.clear()

    def __enter__(self) -> Files:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
