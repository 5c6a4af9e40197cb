"""POST /cypher: ad-hoc read-only Cypher for analysts (graph.catalogue.adhoc holds the guard)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from api.deps import StoreDep
from api.responses import BAD_PARAM, TIMEOUT, UNAVAILABLE, Responses, response
from graph.catalogue import adhoc
from graph.core.privacy import redact

router = APIRouter(tags=["cypher"])


class CypherRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "query": "MATCH (c:Community {id: $id})<-[:PAIRED_WITH]-(u:Unit) RETURN u.name AS unit",
                    "parameters": {"id": "350802006002"},
                }
            ]
        },
    )
    query: str = Field(max_length=adhoc.ADHOC_QUERY_CHARS_MAX, description="one read-only Cypher statement")
    parameters: dict[str, Any] = Field(default_factory=dict, description="values for the query's $parameters")
    timeout: float | None = Field(
        None,
        gt=0,
        le=86400,
        allow_inf_nan=False,
        description="seconds; at most the server's limit (GRASSROOTS_QUERY_TIMEOUT_S)",
    )
    row_cap: int | None = Field(None, ge=1, le=10**9, description="rows; at most the server's cap (GRASSROOTS_ROW_CAP)")


class CypherResult(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "columns": ["unit"],
                    "rows": [{"unit": "龙岩市财政局"}],
                    "row_count": 1,
                    "truncated": False,
                    "row_cap": 10000,
                }
            ]
        }
    )
    columns: list[str]
    rows: list[dict[str, Any]] = Field(
        description="nodes {id, element_id, labels, properties}; relationships "
        "{type, start, end, element_id, ...}; paths as lists; dates as ISO strings"
    )
    row_count: int
    truncated: bool = Field(description="true when the row cap stopped the fetch: more rows exist")
    row_cap: int
    warnings: list[str] = Field(
        default_factory=list,
        description="Neo4j's notices on the query: an unknown label, relationship type or property "
        "(often a misspelling: an empty answer is then no answer), a cartesian product...",
    )


_REFUSED: Responses = {
    400: response(
        "malformed: a syntax error, an unterminated string, an empty or too long query",
        "SyntaxError: Invalid input ...",
    ),
    403: response(
        "refused: the query would write, change the schema, run an admin command or call a procedure off the list",
        "refused CREATE at offset 0: it writes to the graph; only reads are allowed",
    ),
}


DESCRIPTION = (
    "Runs one analyst query if it is read-only for certain: the text is checked (no writes, no schema "
    "or admin commands, no LOAD CSV, no CALL ... IN TRANSACTIONS, procedures only from an allowed list), "
    "then EXPLAIN must plan it as read-only (query type `r`), then it runs in a READ transaction with a "
    "timeout (408) and a row cap (`truncated`). Allowed procedures: "
    + ", ".join(sorted(adhoc.ALLOWED_PROCEDURES))
    + "."
)


@router.post(
    "/cypher",
    response_model=CypherResult,
    description=DESCRIPTION,
    responses={**_REFUSED, **TIMEOUT, **BAD_PARAM, **UNAVAILABLE},
)
def run_cypher(store: StoreDep, body: CypherRequest):
    r = adhoc.run_adhoc(store, query=body.query, parameters=body.parameters, timeout=body.timeout, row_cap=body.row_cap)
    rows = redact(r.rows)
    return CypherResult(
        columns=r.columns, rows=rows, row_count=len(rows), truncated=r.truncated, row_cap=r.row_cap, warnings=r.warnings
    )
