"""API keys in tests: `bearer(store, role, ...)` makes a key in the run's throwaway home and gives
the header to send; `keys_on` turns GRASSROOTS_AUTH on for one test (it is off for the others, as
`make demo` serves). A key is honoured with auth off too: writes always need one."""

from __future__ import annotations

import pytest

from graph.core.settings import get_settings
from graph.core.store import Store
from graph.services import keys


def bearer(
    store: Store, role: str, *, person: str | None = None, scope: str | None = None, name: str | None = None
) -> dict[str, str]:
    _, text = keys.create(store=store, name=name or f"test {role}", role=role, person=person, scope=scope)
    return {"Authorization": f"Bearer {text}"}


@pytest.fixture()
def keys_on(monkeypatch):
    """GRASSROOTS_AUTH=on for this test: every route but /health, the docs and the page needs a key."""
    monkeypatch.setenv("GRASSROOTS_AUTH", "on")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()
