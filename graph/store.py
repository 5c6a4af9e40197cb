"""The Neo4j store: one driver per process, managed transactions with the database named.

Every query goes through `read` / `write` (managed transactions, retried by the driver on
transient errors) or `autocommit` (for `CALL ... IN TRANSACTIONS`). Connection problems surface
as `GraphUnavailable` with a one-line message, never as a driver traceback.
"""
from __future__ import annotations

import threading
from typing import Any, Callable

import neo4j
from neo4j import GraphDatabase, unit_of_work
from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable, SessionExpired

from graph.settings import Settings, get_settings

_UNAVAILABLE = (ServiceUnavailable, SessionExpired, AuthError, ConfigurationError, OSError, ValueError)


class GraphUnavailable(RuntimeError):
    """Neo4j cannot be reached (or refuses our credentials)."""


class Store:
    def __init__(self, *, uri: str, username: str, password: str, database: str,
                 connection_timeout: float = 5.0):
        self.uri = uri
        self.database = database
        try:
            self.driver = GraphDatabase.driver(
                uri, auth=(username, password), connection_timeout=connection_timeout,
                max_transaction_retry_time=5.0, connection_acquisition_timeout=30.0,
                # Server notices (e.g. a property key not yet in the graph) would flood the logs.
                notifications_min_severity="OFF")
        except _UNAVAILABLE as exc:
            raise GraphUnavailable(f"cannot use NEO4J_URI={uri!r}: {exc}") from None

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> "Store":
        s = settings or get_settings()
        return cls(uri=s.resolved_uri(), username=s.neo4j_username,
                   password=s.neo4j_password, database=s.neo4j_database)

    def _guard(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except _UNAVAILABLE as exc:
            raise GraphUnavailable(f"Neo4j at {self.uri} is unavailable: {_first_line(exc)}") from None

    def verify(self) -> None:
        self._guard(lambda: self.driver.verify_connectivity())

    def read(self, query: str, params: dict | None = None, *, timeout: float | None = None) -> list[neo4j.Record]:
        return self._managed("read", query, params or {}, timeout)

    def write(self, query: str, params: dict | None = None, *, timeout: float | None = None) -> list[neo4j.Record]:
        return self._managed("write", query, params or {}, timeout)

    def write_tx(self, work: Callable[[neo4j.ManagedTransaction], Any]) -> Any:
        """Runs `work(tx)` in one managed write transaction (several statements, one commit)."""
        def call():
            with self.driver.session(database=self.database) as session:
                return session.execute_write(work)
        return self._guard(call)

    def read_tx(self, work: Callable[[neo4j.ManagedTransaction], Any]) -> Any:
        def call():
            with self.driver.session(database=self.database) as session:
                return session.execute_read(work)
        return self._guard(call)

    def autocommit(self, query: str, params: dict | None = None) -> list[neo4j.Record]:
        def call():
            with self.driver.session(database=self.database) as session:
                return list(session.run(query, params or {}))
        return self._guard(call)

    def _managed(self, mode: str, query: str, params: dict, timeout: float | None):
        @unit_of_work(timeout=timeout)
        def work(tx: neo4j.ManagedTransaction):
            return list(tx.run(query, params))

        def call():
            with self.driver.session(database=self.database) as session:
                run = session.execute_read if mode == "read" else session.execute_write
                return run(work)
        return self._guard(call)

    def close(self) -> None:
        self.driver.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0].rstrip(' :')


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
