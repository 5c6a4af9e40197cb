"""A sign that a load is writing to the graph, so readers know they may see half of it (/health).

While `ingest.pipeline.load` writes, a marker file `<home>/loads/<host>-<pid>.json` says when it
started, what kind of load it is and into which database. It is removed when the load ends, in
any way Python ends it. A load killed outright (`kill -9`, a power cut) leaves its marker behind:
`running_loads` recognises it as stale when its host is this one and no process with its pid is
alive, and removes it. Markers live in the home folder the CLI and the API share
(GRASSROOTS_HOME); a load run from another machine with another home does not show.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph.core.settings import get_settings
from graph.core.store import Store


def _folder() -> Path:
    return get_settings().grassroots_home / "loads"


def _target(store: Store) -> str:
    return f"{store.uri}/{store.database}"


@contextmanager
def loading(store: Store, kind: str) -> Iterator[Path]:
    """Marks a load into `store` for the duration of the block."""
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    host, pid = socket.gethostname(), os.getpid()
    path = folder / f"{host}-{pid}.json"
    marker = {
        "kind": kind,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "pid": pid,
        "host": host,
        "target": _target(store),
    }
    path.write_text(json.dumps(marker), encoding="utf-8")
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def running_loads(store: Store) -> list[dict[str, Any]]:
    """The loads writing into `store` now (oldest first), without the internal address; stale
    markers of this host are removed on the way."""
    folder = _folder()
    if not folder.is_dir():
        return []
    here, found = socket.gethostname(), []
    for path in sorted(folder.glob("*.json")):
        try:
            marker = json.loads(path.read_text(encoding="utf-8"))
            pid, host = int(marker["pid"]), str(marker["host"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if host == here and not _alive(pid):
            path.unlink(missing_ok=True)  # a killed load's: it is not running
            continue
        if marker.get("target") == _target(store):
            found.append({k: marker.get(k) for k in ("kind", "started_at", "pid", "host")})
    return sorted(found, key=lambda m: str(m["started_at"]))
