"""Pass 3 of a load: issue trails. Each issue's steps in this load are merged with the steps the graph
already holds for it (the file wins on the same seq) and judged as a whole by graph.model.trail_rules's rules.

Per issue, the steps written always form a valid trail:
- a step row rejected earlier (bad value, dangling reference) leaves a hole: the issue's later
  steps in the load are rejected too ("follows rejected step N");
- the first step the rules flag, and every later step of the load, are rejected; if what remains
  still clashes with the graph's steps, none of the issue's steps are written;
- if the rules flag a step that is already in the graph (an earlier step was rewritten by the
  file), none of the issue's steps in the load are written.
The issue's status and level then follow the merged trail (recorded in `issue_state` for the writer).
"""

from __future__ import annotations

import json
import pickle
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from graph.catalogue import reads
from graph.core.errors import UserError
from graph.core.store import Store
from graph.model.trail_rules import StepIn, check_trail, derive_state
from ingest import kind_rules as plan
from ingest.staging import Staging

ISSUES_PER_QUERY = 1000
STEPS_PER_QUERY_MAX = 1_000_000  # the steps the graph holds for ISSUES_PER_QUERY issues, far above any trail


@dataclass
class _Staged:
    file_no: int
    row_no: int
    step: StepIn | None  # None: the row was rejected


def check_steps(st: Staging, store: Store, files: dict[int, str]) -> int:
    """Judges every issue's trail; returns how many more step rows it rejected."""
    db, last, rejected = st.db, "", 0
    db.execute("CREATE INDEX IF NOT EXISTS steps_issue ON steps(issue_id, seq)")
    while issues := [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT issue_id FROM steps WHERE issue_id > ? ORDER BY issue_id LIMIT ?",
            (last, ISSUES_PER_QUERY),
        )
    ]:
        last = issues[-1]
        staged: dict[str, dict[int, _Staged]] = {}
        for iid, seq, file_no, row_no, ok, payload in db.execute(
            "SELECT s.issue_id, s.seq, s.file_no, s.row_no, w.ok, w.payload FROM steps s "
            "JOIN rows w ON w.file_no = s.file_no AND w.row_no = s.row_no "
            "WHERE s.issue_id >= ? AND s.issue_id <= ? ORDER BY s.issue_id, s.seq, s.file_no, s.row_no",
            (issues[0], last),
        ).fetchall():
            step = _step_in(pickle.loads(payload)) if ok else None
            mine = staged.setdefault(iid, {})
            earlier = mine.get(seq)
            if step is None and earlier is not None:
                continue  # a rejected row (a repeated id, say) does not replace a step given before
            if earlier is not None and earlier.step is not None:
                # The same step twice in one load: the later row is used, the earlier one is not written.
                st.add_error(
                    earlier.file_no,
                    earlier.row_no,
                    "seq",
                    seq,
                    f"issue {iid}: step {seq} is given again in {files[file_no]} row {row_no}, which is used instead",
                )
                st.reject_row(earlier.file_no, earlier.row_no)
                rejected += 1
            mine[seq] = _Staged(file_no, row_no, step)
        in_graph: dict[str, dict[int, StepIn]] = {}
        found = reads.read("issue_steps_of", {"issue_ids": issues}, store=store, row_cap=STEPS_PER_QUERY_MAX)
        if found.truncated:
            raise UserError(f"the graph holds more than {STEPS_PER_QUERY_MAX:,} steps for issues {issues[0]}..{last}")
        for r in found.records:
            in_graph.setdefault(r["issue_id"], {})[r["seq"]] = StepIn(
                seq=r["seq"],
                action=r["action"],
                level=r["level"],
                at=datetime.fromtimestamp(r["at_ms"] / 1000, tz=UTC),
                due=_utc(r["due_ms"]),
                by_id=r["by_id"],
            )
        for iid, mine in staged.items():
            rejected += _judge(st, files, iid, mine, in_graph.get(iid, {}))
    return rejected


def _utc(ms: int | None) -> datetime | None:
    return None if ms is None else datetime.fromtimestamp(ms / 1000, tz=UTC)


def _step_in(p: dict) -> StepIn:
    props = p["props"]
    return StepIn(
        seq=props["seq"],
        action=props["action"],
        level=props["level"],
        at=props["at"],
        due=props.get("due"),
        by_id=p["links"].get("by_id"),
    )


def _merged(graph: dict[int, StepIn], mine: dict[int, StepIn]) -> list[StepIn]:
    both = {**graph, **mine}
    return [both[s] for s in sorted(both)]


def _judge(st: Staging, files: dict[int, str], iid: str, staged: dict[int, _Staged], graph: dict[int, StepIn]) -> int:
    rejected = 0

    def reject(seq: int, reason: str) -> None:
        nonlocal rejected
        s = staged[seq]
        st.add_error(s.file_no, s.row_no, "seq", seq, f"issue {iid}: {reason}")
        st.reject_row(s.file_no, s.row_no)
        rejected += 1

    holes = sorted(seq for seq, s in staged.items() if s.step is None)
    mine = {seq: s.step for seq, s in staged.items() if s.step is not None}
    if holes:
        h = staged[holes[0]]
        for seq in sorted(q for q in mine if q > holes[0]):
            reject(seq, f"follows step {holes[0]} ({files[h.file_no]} row {h.row_no}), which was rejected")
        mine = {q: s for q, s in mine.items() if q < holes[0]}
    trail = _merged(graph, mine)
    if problems := check_trail(trail):
        first, why = min(problems)
        if first in mine:
            reject(first, why)
            for seq in sorted(q for q in mine if q > first):
                reject(seq, f"follows step {first}, which was rejected")
            mine = {q: s for q, s in mine.items() if q < first}
            trail = _merged(graph, mine)
            if mine and (again := check_trail(trail)):
                for seq in sorted(mine):
                    reject(seq, f"the steps already in the graph would not follow: {min(again)[1]}")
                mine, trail = {}, _merged(graph, {})
        else:
            for seq in sorted(mine):
                reject(
                    seq,
                    f"with the steps of this load, step {first} already in the graph would become invalid: {why}",
                )
            mine = {}
    if mine:
        status, level = derive_state(trail)
        source = Path(files[staged[max(mine)].file_no]).name
        st.db.execute(
            "INSERT OR REPLACE INTO issue_state VALUES (?, ?, ?, ?, ?)",
            (iid, status, level, json.dumps([plan.step_id(iid, s.seq) for s in trail]), source),
        )
    return rejected
