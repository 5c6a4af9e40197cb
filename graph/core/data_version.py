"""The data version: a mark that changes whenever the graph may have changed.

Every write transaction and auto-commit statement through the Store bumps it (graph/core/store.py)
after it ends: a load's batches, a recorded step, a restore. It lives in the project's home
(`<home>/data-version`, replaced atomically), so the API sees the writes of a `grassroots ingest`
run in another process on the same machine; within one process a counter makes the change seen
at once. Caches of heavy aggregates (graph/catalogue/cached.py) keep an answer only while the
version is the one they computed it under. The version says "maybe changed", never "unchanged"
by mistake: a writer that bumps too often costs a recomputation, nothing else.
"""

from __future__ import annotations

import itertools
import os
import threading
import time
from pathlib import Path

from graph.core.settings import get_settings

_local = itertools.count(1)
_local_now = 0
_lock = threading.Lock()


def _path() -> Path:
    return get_settings().grassroots_home / "data-version"


def bump() -> None:
    """Marks the graph as changed (cheap: one small file replaced)."""
    global _local_now
    with _lock:
        _local_now = next(_local)
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".data-version.{os.getpid()}.{threading.get_ident()}")
        tmp.write_text(f"{time.time_ns()}\n", encoding="ascii")
        os.replace(tmp, path)
    except OSError:  # a read-only home still invalidates this process's caches
        pass


def current() -> tuple[int, int, int]:
    """The version now: this process's writes and the home's mark (inode and time of the file)."""
    try:
        st = _path().stat()
        return (_local_now, st.st_ino, st.st_mtime_ns)
    except OSError:
        return (_local_now, 0, 0)
