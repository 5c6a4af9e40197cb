"""The one read path: every Cypher read the project runs goes through here.

- `read(name, params, store=...)`: one statement file in its own READ transaction;
- `read_tx(store, work)`: several statements in one READ transaction (a picture that must not mix
  two states of the graph); `work(reader)` calls `reader.read(name, params)`;
- `read_text(store, text=...)`: a statement that is not a file of the project (the ad-hoc
  endpoint's, after its guard: graph.catalogue.adhoc).

Either way the parameters are validated against the statement's header, the transaction has a
timeout (QueryTimeout: HTTP 408) and every statement a row cap, and Neo4j's errors are mapped once
(`translate`). Fetching stops at the cap: the rest of the result is discarded when the transaction
ends, so a query that would stream millions of rows costs no more than the cap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import neo4j
from neo4j import unit_of_work
from neo4j.exceptions import ClientError, TransientError

from graph.catalogue.statements import statement
from graph.core.errors import Busy, QueryFailed, QueryTimeout, UserError
from graph.core.serialize import rows_to_json, to_native
from graph.core.settings import get_settings
from graph.core.store import Store

T = TypeVar("T")
_TIMEOUT_CODES = ("TransactionTimedOut", "TransactionTimedOutClientConfiguration", "Transaction.Terminated")


@dataclass
class ReadResult:
    columns: list[str]
    records: list[neo4j.Record] = field(default_factory=list)
    truncated: bool = False
    row_cap: int = 0
    warnings: list[str] = field(default_factory=list)  # Neo4j's notices, when asked for

    def native_rows(self) -> list[dict[str, Any]]:
        """Rows as dicts of Python values: dates and datetimes native, nodes as JSON."""
        return [{k: to_native(v) for k, v in r.items()} for r in self.records]

    def json_rows(self) -> list[dict[str, Any]]:
        return rows_to_json(self.columns, self.records)

    def single(self) -> neo4j.Record | None:
        return self.records[0] if self.records else None


def warnings_of(summary: neo4j.ResultSummary) -> list[str]:
    """Neo4j's notices on a statement (an unknown label or property, a cartesian product...), one line each."""
    out = []
    for status in summary.gql_status_objects:
        if status.is_notification and status.status_description:
            pos = status.position
            where = f" (line {pos.line}, column {pos.column})" if pos is not None else ""
            out.append(status.status_description.strip() + where)
    return list(dict.fromkeys(out))


def _fetch(
    tx: neo4j.ManagedTransaction, text: str, parameters: dict[str, Any], cap: int, *, warnings: bool = False
) -> ReadResult:
    result = tx.run(text, parameters)
    out = ReadResult(columns=list(result.keys()), row_cap=cap)
    for record in result:
        if len(out.records) >= cap:
            out.truncated = True
            break
        out.records.append(record)
    if warnings and not out.truncated:  # the stream was read to its end: its summary costs nothing more
        out.warnings = warnings_of(result.consume())
    return out


class Reader:
    """Runs statements inside one READ transaction, each validated and capped."""

    def __init__(self, tx: neo4j.ManagedTransaction, row_cap: int, warnings: bool = False):
        self.tx, self.row_cap, self.warnings = tx, row_cap, warnings

    def read(self, name: str, params: dict[str, Any] | None = None, *, row_cap: int | None = None) -> ReadResult:
        st = statement(name)
        cap = self.row_cap if row_cap is None else row_cap
        return _fetch(self.tx, st.text, st.validate(params), cap, warnings=self.warnings)

    def rows(self, name: str, params: dict[str, Any] | None = None, *, row_cap: int | None = None) -> list[dict]:
        return self.read(name, params, row_cap=row_cap).native_rows()


def _limits(timeout: float | None, row_cap: int | None) -> tuple[float, int]:
    s = get_settings()
    return (
        s.grassroots_query_timeout_s if timeout is None else timeout,
        s.grassroots_row_cap if row_cap is None else row_cap,
    )


def read_tx(
    store: Store,
    work: Callable[[Reader], T],
    *,
    timeout: float | None = None,
    row_cap: int | None = None,
    warnings: bool = False,
) -> T:
    """Runs `work(reader)` in one READ transaction with a timeout; each read has the row cap.
    `warnings` brings Neo4j's notices back on each ReadResult (see `warnings_of`)."""
    seconds, cap = _limits(timeout, row_cap)

    @unit_of_work(timeout=seconds)
    def unit(tx: neo4j.ManagedTransaction) -> T:
        return work(Reader(tx, cap, warnings))

    try:
        return store.read_tx(unit, notifications=warnings)
    except (ClientError, TransientError) as exc:
        raise translate(exc, seconds) from None


def read(
    name: str,
    params: dict[str, Any] | None = None,
    *,
    store: Store,
    timeout: float | None = None,
    row_cap: int | None = None,
    warnings: bool = False,
) -> ReadResult:
    """One statement (`grid_units`, `admin/server_info`) in its own READ transaction; `warnings`
    brings Neo4j's notices back with the rows (the catalogue endpoints ask for them)."""
    st = statement(name)
    values = st.validate(params)
    return read_tx(
        store, lambda r: _fetch(r.tx, st.text, values, r.row_cap, warnings=warnings),
        timeout=timeout, row_cap=row_cap, warnings=warnings,
    )  # fmt: skip


def rows(
    name: str,
    params: dict[str, Any] | None = None,
    *,
    store: Store,
    timeout: float | None = None,
    row_cap: int | None = None,
) -> list[dict[str, Any]]:
    """The rows of `read` as dicts of Python values (dates and datetimes native, nodes as JSON)."""
    return read(name, params, store=store, timeout=timeout, row_cap=row_cap).native_rows()


def read_text(
    store: Store,
    *,
    text: str,
    parameters: dict[str, Any],
    timeout: float | None = None,
    row_cap: int | None = None,
    warnings: bool = False,
) -> ReadResult:
    """A statement that is no file of the project (an analyst's, already through the ad-hoc guard)."""
    return read_tx(
        store, lambda r: _fetch(r.tx, text, parameters, r.row_cap, warnings=warnings),
        timeout=timeout, row_cap=row_cap, warnings=warnings,
    )  # fmt: skip


def explain_text(store: Store, *, text: str, parameters: dict[str, Any], timeout: float) -> neo4j.ResultSummary:
    """The summary of a statement planned by EXPLAIN and never run: its query type, plan and
    notices. Prefixing EXPLAIN is the one place Python adds Cypher text: Bolt has no explain flag
    (the ad-hoc guard has checked that the text is a single statement)."""

    @unit_of_work(timeout=timeout)
    def unit(tx: neo4j.ManagedTransaction) -> neo4j.ResultSummary:
        return tx.run("EXPLAIN " + text, parameters).consume()

    try:
        return store.read_tx(unit, notifications=True)
    except (ClientError, TransientError) as exc:
        raise translate(exc, timeout) from None


def translate(exc: neo4j.exceptions.Neo4jError, timeout: float | None) -> UserError:
    """A Neo4j error as a one-line error a person can act on."""
    code = exc.code or ""
    if any(code.endswith(c) for c in _TIMEOUT_CODES):
        limit = f"the {timeout:g} s limit" if timeout is not None else "its time limit"
        return QueryTimeout(
            f"the query ran longer than {limit} and was stopped; "
            "narrow it (labels, ids, LIMIT) or ask for a longer timeout"
        )
    if isinstance(exc, TransientError):
        return Busy(f"Neo4j could not finish the query now ({code.rsplit('.', 1)[-1]}); narrow it or try again later")
    if code.endswith("AccessMode"):
        return QueryFailed("refused: the query would write, and only reads are allowed here")
    message = (exc.message or str(exc)).strip().splitlines()[0]
    return QueryFailed(f"{code.rsplit('.', 1)[-1] or 'Neo4j error'}: {message}")
