"""Pass 2 of a load: every reference must name a node that exists, in the graph or among the valid
rows of this load. A row whose reference dangles is rejected (the writer MATCHes endpoints, so it
could not create an empty node anyway; this check names the missing id and its column).

Rejecting a node row takes its id out of the load, so rows referring to it are checked again: the
check repeats over the references to newly rejected ids until nothing changes.
"""

from __future__ import annotations

from graph.catalogue import reads
from graph.core.store import Store
from ingest.staging import Staging

_IN_RUN = """EXISTS (SELECT 1 FROM ids i JOIN rows v ON v.file_no = i.file_no AND v.row_no = i.row_no
                     WHERE i.id = r.value AND v.ok = 1 AND instr(r.labels, '|' || i.label || '|') > 0)"""
_IN_GRAPH = """EXISTS (SELECT 1 FROM graph_ids g WHERE g.id = r.value AND g.found = 1
                       AND instr(r.labels, '|' || g.label || '|') > 0)"""
_OK_REFS = "refs r JOIN rows w ON w.file_no = r.file_no AND w.row_no = r.row_no AND w.ok = 1"
_SCOPE = " AND r.value IN (SELECT id FROM temp.scope)"
CHUNK = 5000


def check_refs(st: Staging, store: Store) -> int:
    """Rejects rows with dangling references (recording why); returns how many rows it rejected."""
    db, scoped, rejected = st.db, False, 0
    while True:
        scope = _SCOPE if scoped else ""
        _lookup_graph(st, store, scope)
        db.execute("DROP TABLE IF EXISTS temp.dangling")
        db.execute(
            f"CREATE TEMP TABLE dangling AS SELECT r.file_no, r.row_no, r.col, r.header, r.value, r.labels "
            f"FROM {_OK_REFS} WHERE NOT {_IN_RUN} AND NOT {_IN_GRAPH}{scope} ORDER BY r.file_no, r.row_no"
        )
        db.execute("DROP TABLE IF EXISTS temp.scope")
        db.execute("CREATE TEMP TABLE scope(id TEXT PRIMARY KEY) WITHOUT ROWID")
        found = 0
        if db.execute("SELECT 1 FROM temp.dangling LIMIT 1").fetchone():
            db.execute("CREATE INDEX IF NOT EXISTS ids_row ON ids(file_no, row_no)")
        for file_no, row_no, _col, header, value, labels in _paged(db, "dangling"):
            found += 1
            st.add_error(file_no, row_no, header, value, _reason(st, value, labels))
            if st.is_ok(file_no, row_no):
                rejected += 1
                st.reject_row(file_no, row_no)
                db.execute(
                    "INSERT OR IGNORE INTO temp.scope SELECT id FROM ids WHERE file_no = ? AND row_no = ?",
                    (file_no, row_no),
                )
        if not found or not db.execute("SELECT 1 FROM temp.scope LIMIT 1").fetchone():
            return rejected
        if not scoped:
            db.execute("CREATE INDEX IF NOT EXISTS refs_value ON refs(value)")
            scoped = True


def _paged(db, table: str):
    """The rows of a temp table, a page at a time (so the loop may write to other tables)."""
    last = 0
    while rows := db.execute(
        f"SELECT rowid, * FROM temp.{table} WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, CHUNK)
    ).fetchall():
        last = rows[-1][0]
        yield from (r[1:] for r in rows)


def _reason(st: Staging, value: str, labels: str) -> str:
    names = labels.strip("|").split("|")
    what = " or ".join(names)
    got = st.db.execute(
        "SELECT f.path, i.row_no FROM ids i JOIN files f ON f.file_no = i.file_no "
        "JOIN rows v ON v.file_no = i.file_no AND v.row_no = i.row_no "
        "WHERE i.id = ? AND v.ok = 0 AND instr(?, '|' || i.label || '|') > 0 LIMIT 1",
        (value, labels),
    ).fetchone()
    if got:
        return (
            f"no {what} with id '{value}' in the graph, and the row that declares "
            f"it ({got[0]} row {got[1]}) was rejected"
        )
    return f"no {what} with id '{value}' in the graph or in the files of this load"


def _lookup_graph(st: Staging, store: Store, scope: str) -> None:
    """Asks Neo4j about every referenced id this load does not declare, once per (id, label)."""
    db = st.db
    db.execute("DROP TABLE IF EXISTS temp.pending")
    db.execute(
        f"CREATE TEMP TABLE pending AS SELECT DISTINCT r.value, r.labels FROM {_OK_REFS} WHERE NOT {_IN_RUN}{scope}"
    )
    todo: dict[str, list[str]] = {}
    for value, labels in _paged(db, "pending"):
        for label in labels.strip("|").split("|"):
            if not db.execute("SELECT 1 FROM graph_ids WHERE id = ? AND label = ?", (value, label)).fetchone():
                ids = todo.setdefault(label, [])
                ids.append(value)
                if len(ids) >= CHUNK:
                    _ask(st, store, label, todo.pop(label))
    for label, ids in todo.items():
        _ask(st, store, label, ids)


def _ask(st: Staging, store: Store, label: str, ids: list[str]) -> None:
    ids = list(dict.fromkeys(ids))
    found = {r["id"] for r in reads.rows(f"ingest/exists/{label}", {"ids": ids}, store=store, row_cap=len(ids))}
    st.db.executemany("INSERT OR IGNORE INTO graph_ids VALUES (?, ?, ?)", [(i, label, int(i in found)) for i in ids])
