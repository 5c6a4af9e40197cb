"""Ingest: loading twice changes nothing; a load interrupted between batches (an exception, or the
process killed) and run again ends in the same graph as one clean load; a file replaces what it
says and leaves alone what it does not mention."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ingest.pipeline import load
from tests.conftest import counts
from tests.ingest_helpers import BASE_NODES, empty, ids, pairs, snapshot, write_base, write_csv

ROOT = Path(__file__).resolve().parent.parent  # the repository


class Interrupted(Exception):
    pass


def test_loading_twice_changes_nothing(db, tmp_path):
    folder = write_base(tmp_path / "in")
    load([folder], store=db)
    first, n = snapshot(db), counts(db)
    again = load([folder], store=db, batch_size=3)
    assert again.rejected == 0
    assert snapshot(db) == first and counts(db) == n


def test_interrupted_loads_rerun_to_the_clean_graph(db, tmp_path):
    folder = write_base(tmp_path / "in")
    batches = []
    load([folder], store=db, batch_size=2, on_batch=lambda name, i: batches.append(name))
    clean, n = snapshot(db), counts(db)
    assert ids(db) == BASE_NODES
    # Stop after the first batch, in the middle of the nodes, in the links, in the relationships, before the chains.
    phases = {
        1,
        batches.index("streets.links:" + str(folder / "streets.csv")) + 1,
        batches.index("pairings:" + str(folder / "pairings.csv")) + 1,
        len(batches) - 1,
    }
    for stop in sorted(phases):
        empty(db)

        def hook(name, i, stop=stop):
            if i >= stop:
                raise Interrupted(name)

        with pytest.raises(Interrupted):
            load([folder], store=db, batch_size=2, on_batch=hook)
        assert counts(db) != n  # the load really was cut short
        rerun = load([folder], store=db, batch_size=2)
        assert rerun.rejected == 0
        assert snapshot(db) == clean and counts(db) == n, f"stopped after batch {stop} ({batches[stop - 1]})"


_KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from graph.core.store import Store
    from ingest.pipeline import load

    def hook(name, i):
        if i >= int(sys.argv[2]):
            os.kill(os.getpid(), signal.SIGKILL)  # no clean-up, no finally: as if the machine died

    load([Path(sys.argv[1])], store=Store.from_settings(), batch_size=2, on_batch=hook)
""")


def test_killed_process_rerun_equals_clean_load(db, tmp_path):
    folder = write_base(tmp_path / "in")
    load([folder], store=db, batch_size=2)
    clean, n = snapshot(db), counts(db)
    empty(db)
    proc = subprocess.run([sys.executable, "-c", _KILLER, str(folder), "9"], cwd=ROOT, capture_output=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert 0 < counts(db)["nodes"] and counts(db) != n
    load([folder], store=db, batch_size=2)
    assert snapshot(db) == clean and counts(db) == n


def test_a_file_replaces_what_it_says_and_keeps_what_it_does_not_mention(db, tmp_path):
    load([write_base(tmp_path / "in")], store=db)
    # 东肖社区 moves to 雁石镇; the file has no urban_village column, so its `true` stays.
    moved = write_csv(
        tmp_path / "a" / "communities.csv",
        [
            {"id": "350802006003", "name": "东肖社区", "kind": "community", "street_id": "350802100"},
            {"id": "350802100202", "name": "新村", "kind": "village", "street_id": "350802100"},
        ],
    )
    # The big party committee loses its parent (empty optional reference); the file lacks serves_id.
    orphan = write_csv(
        tmp_path / "a" / "party_orgs.csv",
        [{"id": "PO-BPC-1", "name": "天马社区大党委", "kind": "big_party_committee", "parent_id": ""}],
    )
    report = load([moved, orphan], store=db)
    assert report.rejected == 0, report.errors
    rels = pairs(db)
    assert {r for r in rels if r[0] in ("350802006003", "350802100202") and r[1] == "PART_OF"} == {
        ("350802006003", "PART_OF", "350802100"),
        ("350802100202", "PART_OF", "350802100"),
    }
    assert {r for r in rels if r[0] == "PO-BPC-1" and r[1] in ("UNDER", "SERVES")} == {
        ("PO-BPC-1", "SERVES", "350802006002")
    }
    props = {(lb[0], i): dict(p) for lb, i, p in snapshot(db)[0]}
    assert props[("Community", "350802006003")]["urban_village"] is True
    assert props[("Community", "350802100202")]["urban_village"] is False  # a new node gets the model default
