"""Runs one read query in a READ transaction with a timeout and a row cap.

Shared by the catalogue and the ad-hoc endpoint. Fetching stops at the cap: the rest of the
result is discarded when the transaction ends, so a query that would stream millions of rows
costs no more than the cap. A timeout comes back as `QueryTimeout` (HTTP 408).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import unit_of_work
from neo4j.exceptions import ClientError, TransientError

from graph.errors import UserError
from graph.serialize import rows_to_json, to_native
from graph.settings import get_settings
from graph.store import Store

_TIMEOUT_CODES = ("TransactionTimedOut", "TransactionTimedOutClientConfiguration")


class QueryTimeout(UserError):
    status_code = 408


class QueryFailed(UserError):
    """Neo4j refused or could not run the statement (syntax, types, access mode)."""
    status_code = 400


@dataclass
class ReadResult:
    columns: list[str]
    records: list[neo4j.Record] = field(default_factory=list)
    truncated: bool = False
    row_cap: int = 0

    def native_rows(self) -> list[dict[str, Any]]:
        return [{k: to_native(v) for k, v in r.items()} for r in self.records]

    def json_rows(self) -> list[dict[str, Any]]:
        return rows_to_json(self.columns, self.records)


def run_read(store: Store, *, query: str, parameters: dict[str, Any] | None = None,
             timeout: float | None = None, row_cap: int | None = None) -> ReadResult:
    s = get_settings()
    timeout = s.grassroots_query_timeout_s if timeout is None else timeout
    cap = s.grassroots_row_cap if row_cap is None else row_cap

    @unit_of_work(timeout=timeout)
    def work(tx: neo4j.ManagedTransaction) -> ReadResult:
        result = tx.run(query, parameters or {})
        out = ReadResult(columns=list(result.keys()), row_cap=cap)
        for record in result:
            if len(out.records) >= cap:
                out.truncated = True
                break
            out.records.append(record)
        return out

    try:
        return store.read_tx(work)
    except (ClientError, TransientError) as exc:
        raise translate(exc, timeout) from None


def translate(exc: neo4j.exceptions.Neo4jError, timeout: float | None) -> UserError:
    """A Neo4j error as a one-line error a person can act on."""
    code = exc.code or ""
    if any(code.endswith(c) for c in _TIMEOUT_CODES) or code.endswith("Transaction.Terminated"):
        return QueryTimeout(f"the query ran longer than the {timeout:g} s limit and was stopped; "
                            "narrow it (labels, ids, LIMIT) or ask for a longer timeout")
    if isinstance(exc, TransientError):
        busy = QueryFailed(f"Neo4j could not finish the query now ({code.rsplit('.', 1)[-1]}); "
                           "narrow it or try again later")
        busy.status_code = 503  # type: ignore[misc]
        return busy
    if code.endswith("AccessMode"):
        return QueryFailed("refused: the query would write, and only reads are allowed here")
    message = (exc.message or str(exc)).strip().splitlines()[0]
    return QueryFailed(f"{code.rsplit('.', 1)[-1] or 'Neo4j error'}: {message}")
