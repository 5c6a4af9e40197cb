"""The Neo4j store: one driver per process, managed transactions with the database named.

The store only opens transactions; statements are run by the catalogue floor
(graph/catalogue/reads.py and writes.py), which reads them from `cypher/`, validates their
parameters and maps Neo4j's errors. `read_tx` / `write_tx` run a unit of work in a managed
transaction (retried by the driver on transient errors); `autocommit` runs one statement on its
own (for `CALL ... IN TRANSACTIONS` and schema commands). Connection problems surface as
`GraphUnavailable` with a one-line message, never as a driver traceback.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Literal

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable, SessionExpired

from graph.core import data_version
from graph.core.errors import GraphUnavailable
from graph.core.settings import Settings, get_settings

__all__ = ["GraphUnavailable", "Store", "get_store", "reset_store"]

# What the driver raises when the server cannot be reached or refuses us. Errors raised by the
# unit of work itself (a bad parameter, a refused query) pass through unchanged.
_UNAVAILABLE = (ServiceUnavailable, SessionExpired, AuthError, ConfigurationError)


class Store:
    def __init__(self, *, uri: str, username: str, password: str, database: str, connection_timeout: float = 5.0):
        self.uri = uri
        self.database = database
        try:
            self.driver = GraphDatabase.driver(
                uri,
                auth=(username, password),
                connection_timeout=connection_timeout,
                max_transaction_retry_time=5.0,
                connection_acquisition_timeout=30.0,
                # Server notices (e.g. a property key not yet in the graph) would flood the logs.
                notifications_min_severity="OFF",
            )
        except (*_UNAVAILABLE, ValueError) as exc:
            raise GraphUnavailable(
                f"cannot use NEO4J_URI={uri!r}: {exc}", reason="the server's Neo4j settings are not usable"
            ) from None

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Store:
        s = settings or get_settings()
        return cls(
            uri=s.resolved_uri(),
            username=s.neo4j_username,
            password=s.resolved_password(),
            database=s.neo4j_database,
        )

    def _guard(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except _UNAVAILABLE as exc:
            raise GraphUnavailable(
                f"Neo4j at {self.uri} is unavailable: {_first_line(exc)}", reason=_reason(exc)
            ) from None

    def verify(self) -> None:
        self._guard(lambda: self.driver.verify_connectivity())

    def write_tx(self, work: Callable[[neo4j.ManagedTransaction], Any]) -> Any:
        """Runs `work(tx)` in one managed write transaction (several statements, one commit)."""

        def call():
            with self.driver.session(database=self.database) as session:
                try:
                    return session.execute_write(work)
                finally:
                    data_version.bump()  # caches of aggregates recompute (graph/core/data_version.py)

        return self._guard(call)

    def read_tx(self, work: Callable[[neo4j.ManagedTransaction], Any], *, notifications: bool = False) -> Any:
        """Runs `work(tx)` in one managed read transaction; `notifications` asks the server for its
        notices (unknown labels, cartesian products...) on this session only."""
        severity: Literal["OFF", "INFORMATION"] = "INFORMATION" if notifications else "OFF"

        def call():
            with self.driver.session(database=self.database, notifications_min_severity=severity) as session:
                return session.execute_read(work)

        return self._guard(call)

    def autocommit(self, query: str, params: dict | None = None) -> list[neo4j.Record]:
        def call():
            with self.driver.session(database=self.database) as session:
                try:
                    return list(session.run(query, params or {}))
                finally:
                    data_version.bump()

        return self._guard(call)

    def close(self) -> None:
        self.driver.close()


def _reason(exc: BaseException) -> str:
    """Why Neo4j cannot serve us, in words that name no address (API answers show them)."""
    if isinstance(exc, AuthError):
        return "Neo4j is unavailable: it refused the API's credentials"
    if isinstance(exc, SessionExpired):
        return "Neo4j is unavailable: the connection was lost; trying again may work"
    if isinstance(exc, ConfigurationError):
        return "Neo4j is unavailable: the server's Neo4j settings are not usable"
    return (
        "Neo4j is unavailable: it cannot be reached (stopped, restarting or unreachable); trying again later may work"
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0].rstrip(" :")


_lock = threading.Lock()
_store: Store | None = None


def get_store() -> Store:
    """The process's one Store (and so one driver), created on first use."""
    global _store
    with _lock:
        if _store is None:
            _store = Store.from_settings()
        return _store


def reset_store() -> None:
    """Closes the process's Store; the next `get_store()` reads the settings again."""
    global _store
    with _lock:
        if _store is not None:
            _store.close()
        _store = None
        get_settings.cache_clear()
