"""Heavy aggregates answered once per data version (graph/core/data_version.py).

`rows(name, params, store=...)` is `reads.rows` kept in memory while the data version is the one
the answer was computed under, and for at most `GRASSROOTS_AGGREGATE_CACHE_S` seconds (a bound
for writers the version cannot see, e.g. another machine writing to the same Neo4j). While one
request computes an answer, the others asking the same wait for it instead of running the query
again, so fifty clients asking for /stats/resolution at once cost Neo4j one query, and lookups
keep the server's cores. The parameters are validated before anything is looked up.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any

from graph.catalogue import reads
from graph.catalogue.statements import statement
from graph.core import data_version
from graph.core.settings import get_settings
from graph.core.store import Store

MAX_ENTRIES = 256
_entries: OrderedDict[tuple, tuple[tuple, float, list[dict[str, Any]]]] = OrderedDict()
_locks: dict[tuple, threading.Lock] = {}
_guard = threading.Lock()


def _key(name: str, values: dict[str, Any], store: Store) -> tuple:
    return (store.uri, store.database, name, tuple(sorted((k, repr(v)) for k, v in values.items())))


def _fresh(key: tuple, version: tuple, max_age: float) -> list[dict[str, Any]] | None:
    with _guard:
        hit = _entries.get(key)
        if hit is None or hit[0] != version or time.monotonic() - hit[1] > max_age:
            return None
        _entries.move_to_end(key)
        return hit[2]


def rows(name: str, params: dict[str, Any] | None = None, *, store: Store) -> list[dict[str, Any]]:
    """The rows of catalogue query `name`, from memory when the graph has not changed since."""
    max_age = get_settings().grassroots_aggregate_cache_s
    values = statement(name).validate(params)  # a bad parameter fails here, as on the read path
    if max_age <= 0:
        return reads.rows(name, params, store=store)
    key = _key(name, values, store)
    version = data_version.current()
    if (got := _fresh(key, version, max_age)) is not None:
        return got
    with _guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:  # one computation per key at a time; the others take its answer
        version = data_version.current()
        if (got := _fresh(key, version, max_age)) is not None:
            return got
        answer = reads.rows(name, params, store=store)
        with _guard:
            _entries[key] = (version, time.monotonic(), answer)
            _entries.move_to_end(key)
            while len(_entries) > MAX_ENTRIES:
                old, _ = _entries.popitem(last=False)
                _locks.pop(old, None)
        return answer


def clear() -> None:
    with _guard:
        _entries.clear()
