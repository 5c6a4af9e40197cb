"""Pass 4 of a load: write the staged valid rows to Neo4j in batches, each batch one managed write
transaction running one statement of cypher/ingest/ (generated) or cypher/writes/ (the chains).

Order: every node kind first (in KINDS order), then the node kinds' links and the relationship
kinds, then the issue trails' chains. So a row may name a node from any file, or from later in its
own file, and everything is MERGEd: a load interrupted between batches and run again ends in the
same graph as one clean load.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from graph.catalogue import writes
from graph.core.store import Store
from graph.model.kinds import FileKind
from ingest import kind_rules as plan
from ingest.progress import Progress
from ingest.staging import Staging

OnBatch = Callable[[str, int], None]


@dataclass
class StagedFile:
    file_no: int
    path: Path
    display: str
    kind: FileKind


class Writer:
    def __init__(
        self,
        st: Staging,
        store: Store,
        *,
        batch_size: int,
        updated_at: datetime,
        progress: Progress,
        on_batch: OnBatch | None = None,
    ):
        self.st, self.store, self.batch_size = st, store, batch_size
        self.updated_at, self.progress, self.on_batch = updated_at, progress, on_batch
        self.batches = 0

    def _run(self, statement: str, params: dict, label: str) -> int:
        params["updated_at"] = self.updated_at
        got = writes.write(statement, params, store=self.store)
        self.batches += 1
        if self.on_batch:
            self.on_batch(label, self.batches)
        return got[0]["written"] if got else 0

    def _file(self, f: StagedFile, statement: str, phase: str, shape: Callable[[dict], dict | None]) -> int:
        total = self.st.count("SELECT count(*) FROM rows WHERE file_no = ? AND ok = 1", (f.file_no,))
        update = self.progress.task(f"{phase} {f.display}", total)
        done = written = 0
        for batch in self.st.ok_rows(f.file_no, self.batch_size):
            rows = [r for r in (shape(p) for _, p in batch) if r is not None]
            if rows:
                written += self._run(
                    f"ingest/{statement}", {"rows": rows, "source": f.path.name}, f"{statement}:{f.display}"
                )
            done += len(batch)
            update(done)
        update.close()
        return written

    def write(self, files: list[StagedFile]) -> dict[str, int]:
        """Writes everything; returns rows written per kind."""
        loaded: dict[str, int] = {}
        by_kind = {k.name: [f for f in files if f.kind.name == k.name] for k in plan.node_kinds() + plan.rel_kinds()}
        for kind in plan.node_kinds():
            for f in by_kind[kind.name]:
                loaded[kind.name] = loaded.get(kind.name, 0) + self._file(f, kind.name, "nodes", _node_row(kind))
        for kind in plan.node_kinds():
            if plan.link_refs(kind):
                for f in by_kind[kind.name]:
                    self._file(f, f"{kind.name}.links", "links", _link_row(kind))
        for kind in plan.rel_kinds():
            for f in by_kind[kind.name]:
                loaded[kind.name] = loaded.get(kind.name, 0) + self._file(f, kind.name, "relationships", _rel_row(kind))
        self._chains()
        return loaded

    def _chains(self) -> None:
        total = self.st.count("SELECT count(*) FROM issue_state")
        if not total:
            return
        update = self.progress.task("chains issue trails", total)
        last, done = "", 0
        while got := self.st.db.execute(
            "SELECT issue_id, status, level, steps, source FROM issue_state "
            "WHERE issue_id > ? ORDER BY issue_id LIMIT ?",
            (last, self.batch_size),
        ).fetchall():
            last = got[-1][0]
            issues = [
                {"issue_id": i, "status": s, "level": lv, "steps": json.loads(ids), "source": src}
                for i, s, lv, ids, src in got
            ]
            self._run("writes/issue_steps_chain", {"issues": issues}, "issue_steps.chain")
            done += len(got)
            update(done)
        update.close()


def _split(props: dict, temporal: dict[str, str]) -> tuple[dict, dict]:
    """(the other properties, the date and time ones as ISO text) — see plan.temporal_fields."""
    if not temporal:
        return props, {}
    t = {k: (None if v is None else v.isoformat()) for k, v in props.items() if k in temporal}
    return ({k: v for k, v in props.items() if k not in temporal}, t) if t else (props, {})


def _node_row(kind: FileKind) -> Callable[[dict], dict]:
    temporal = plan.temporal_fields(kind)

    def shape(p: dict) -> dict:
        props, t = _split(p["props"], temporal)
        return {"id": p["id"], "props": props, "t": t, "defaults": p["defaults"], "state": p["state"]}

    return shape


def _link_row(kind: FileKind) -> Callable[[dict], dict | None]:
    def shape(p: dict) -> dict | None:
        if not p["has"]:
            return None
        return {"id": p["id"], "links": {c: p["links"][c] for c in p["has"]}, "has": p["has"]}

    return shape


def _rel_row(kind: FileKind) -> Callable[[dict], dict]:
    temporal = plan.temporal_fields(kind)

    def shape(p: dict) -> dict:
        props, t = _split(p["props"], temporal)
        key = {k: (v.isoformat() if k in temporal else v) for k, v in p["key"].items()}
        return {
            "start": p["start"],
            "end": p["end"],
            "key": key,
            "props": props,
            "t": t,
            "defaults": p["defaults"],
        }

    return shape
