"""The small hand-built community of tests/fixtures/graph_view, shared by the graph-view and
page tests (its shape is described in tests/test_graph_view.py)."""

from __future__ import annotations

from pathlib import Path

from graph.catalogue.schema import apply_schema, empty_database
from graph.core.store import get_store

FIXTURE = Path(__file__).parent / "fixtures" / "graph_view"


def load_fixture() -> None:
    """Empties the test database and loads the fixture through the ordinary ingest. The tests
    that use it only read, so a module shares one load (a load per test costs seconds)."""
    from ingest.pipeline import load

    store = get_store()
    empty_database(store)
    apply_schema(store)
    report = load([FIXTURE], store=store)
    assert report.rejected == 0, report
