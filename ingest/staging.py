"""The run's staging area: a temporary SQLite file holding every validated row, the ids each node
file declares, the references each row makes, and the rejections.

Why SQLite and not dicts: a run may hold millions of rows, and the Python process must stay small
whatever the file size. Checks that need the whole run (duplicate ids in a file, references to ids
declared in another file, issue trails grouped by issue) become indexed look-ups on disk.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterator
from typing import Any

from graph.core.privacy import mask_phone

_SCHEMA = """
CREATE TABLE files(file_no INTEGER PRIMARY KEY, path TEXT, kind TEXT, ok INTEGER DEFAULT 1);
CREATE TABLE rows(file_no INTEGER, row_no INTEGER, ok INTEGER, payload BLOB, PRIMARY KEY(file_no, row_no));
CREATE TABLE ids(id TEXT, label TEXT, file_no INTEGER, row_no INTEGER, PRIMARY KEY(id, label, file_no)) WITHOUT ROWID;
CREATE TABLE refs(file_no INTEGER, row_no INTEGER, col TEXT, header TEXT, value TEXT, labels TEXT);
CREATE TABLE steps(issue_id TEXT, seq INTEGER, file_no INTEGER, row_no INTEGER);
CREATE TABLE graph_ids(id TEXT, label TEXT, found INTEGER, PRIMARY KEY(id, label)) WITHOUT ROWID;
CREATE TABLE errors(file_no INTEGER, row_no INTEGER, col TEXT, value TEXT, reason TEXT);
CREATE TABLE issue_state(issue_id TEXT PRIMARY KEY, status TEXT, level TEXT, steps TEXT, source TEXT);
"""


def labels_key(labels: tuple[str, ...]) -> str:
    """('Grid', 'Community') -> '|Grid|Community|', matched with instr() in SQL."""
    return "|" + "|".join(labels) + "|"


class Staging:
    def __init__(self) -> None:
        # "": SQLite's private temporary database, on disk (in SQLITE_TMPDIR or /tmp) once it outgrows
        # the cache, and unlinked from the start, so even a killed load leaves no file behind.
        self.db = sqlite3.connect("", isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE", "cache_size=-32000"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")

    def close(self) -> None:
        self.db.close()

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    # --- writing ---------------------------------------------------------------------------
    def add_file(self, file_no: int, path: str, kind: str | None) -> None:
        self.db.execute("INSERT INTO files(file_no, path, kind) VALUES (?, ?, ?)", (file_no, path, kind))

    def reject_file(self, file_no: int) -> None:
        """The whole file is rejected: none of its rows count as declared or loaded."""
        self.db.execute("UPDATE files SET ok = 0 WHERE file_no = ?", (file_no,))
        for table in ("rows", "ids", "refs", "steps", "errors"):
            self.db.execute(f"DELETE FROM {table} WHERE file_no = ?", (file_no,))

    def declare(self, id: str, label: str, file_no: int, row_no: int) -> int | None:
        """Registers a node id of this run; returns the first row if the file already declared it."""
        cur = self.db.execute("INSERT OR IGNORE INTO ids VALUES (?, ?, ?, ?)", (id, label, file_no, row_no))
        if cur.rowcount:
            return None
        return self.db.execute(
            "SELECT row_no FROM ids WHERE id = ? AND label = ? AND file_no = ?", (id, label, file_no)
        ).fetchone()[0]

    def add_rows(self, rows: list[tuple[int, int, bool, Any]]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?)",
            [(f, r, int(ok), pickle.dumps(p, 5) if ok else None) for f, r, ok, p in rows],
        )

    def add_refs(self, refs: list[tuple[int, int, str, str, str, str]]) -> None:
        self.db.executemany("INSERT INTO refs VALUES (?, ?, ?, ?, ?, ?)", refs)

    def add_steps(self, steps: list[tuple[str, int, int, int]]) -> None:
        self.db.executemany("INSERT INTO steps VALUES (?, ?, ?, ?)", steps)

    def add_error(self, file_no: int, row_no: int | None, col: str | None, value: Any, reason: str) -> None:
        if value is not None and col is not None and ("phone" in col.lower() or "电话" in col):
            value = mask_phone(value)  # an error report is read by others: never a whole number in it
        self.db.execute(
            "INSERT INTO errors VALUES (?, ?, ?, ?, ?)",
            (file_no, row_no, col, None if value is None else str(value)[:200], reason),
        )

    def reject_row(self, file_no: int, row_no: int) -> None:
        self.db.execute("UPDATE rows SET ok = 0, payload = NULL WHERE file_no = ? AND row_no = ?", (file_no, row_no))

    # --- reading ---------------------------------------------------------------------------
    def ok_rows(self, file_no: int, batch: int) -> Iterator[list[tuple[int, Any]]]:
        """The file's valid rows in row order, in lists of at most `batch`."""
        last = 0
        while True:
            got = self.db.execute(
                "SELECT row_no, payload FROM rows WHERE file_no = ? AND ok = 1 AND row_no > ? ORDER BY row_no LIMIT ?",
                (file_no, last, batch),
            ).fetchall()
            if not got:
                return
            last = got[-1][0]
            yield [(r, pickle.loads(p)) for r, p in got]

    def is_ok(self, file_no: int, row_no: int) -> bool:
        got = self.db.execute("SELECT ok FROM rows WHERE file_no = ? AND row_no = ?", (file_no, row_no)).fetchone()
        return bool(got and got[0])

    def count(self, sql: str, params: tuple = ()) -> int:
        return self.db.execute(sql, params).fetchone()[0]
