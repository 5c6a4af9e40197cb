"""The finishing step of a load: each issue's current state kept on the Issue node
(graph/model/issue_state.py), for the issues whose trails the load wrote.

Runs after the writer's chains (ingest.pipeline), in batches of issue ids read from the staging
`issue_state` table, each batch one write transaction of cypher/ingest/issue_state.cypher. The
statement reads the chain as it stands in the graph, so a re-run after an interrupted load gives
the same state.
"""

from __future__ import annotations

from graph.catalogue import writes
from graph.core.store import Store
from ingest.progress import Progress
from ingest.staging import Staging


def write_issue_states(st: Staging, store: Store, *, batch_size: int, progress: Progress) -> int:
    """Brings the state of every issue with steps in this load up to date; returns how many."""
    total = st.count("SELECT count(*) FROM issue_state")
    if not total:
        return 0
    update = progress.task("keeps issue states", total)
    last, done, written = "", 0, 0
    while ids := [
        r[0]
        for r in st.db.execute(
            "SELECT issue_id FROM issue_state WHERE issue_id > ? ORDER BY issue_id LIMIT ?", (last, batch_size)
        ).fetchall()
    ]:
        last = ids[-1]
        got = writes.write("ingest/issue_state", {"issue_ids": ids}, store=store)
        written += got[0]["written"] if got else 0
        done += len(ids)
        update(done)
    update.close()
    return written
