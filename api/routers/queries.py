"""GET /queries lists the catalogue (cypher/queries/*.cypher); POST /queries/{name} runs one."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path
from pydantic import BaseModel, ConfigDict, Field

from api.deps import StoreDep
from api.responses import READ
from graph.catalogue import reads, statements
from graph.core.privacy import redact

router = APIRouter(prefix="/queries", tags=["queries"])


class ParamInfo(BaseModel):
    name: str
    type: str = Field(description="string, int, float, bool, date, datetime, list<string>, or several joined by |")
    required: bool
    default: Any = None
    description: str


class ColumnInfo(BaseModel):
    name: str
    type: str


class QueryInfo(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "grid_units",
                    "description": "Which co-building units cover a grid: ...",
                    "params": [
                        {
                            "name": "grid_id",
                            "type": "string",
                            "required": True,
                            "default": None,
                            "description": "the grid's id",
                        }
                    ],
                    "returns": [{"name": "unit_id", "type": "string"}],
                    "notes": [],
                }
            ]
        }
    )
    name: str
    description: str
    params: list[ParamInfo]
    returns: list[ColumnInfo]
    notes: list[str]


class QueryResult(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "grid_units",
                    "columns": ["unit_id", "unit_name", "via"],
                    "rows": [{"unit_id": "U-0001", "unit_name": "龙岩市财政局", "via": "pairing"}],
                    "row_count": 1,
                    "truncated": False,
                }
            ]
        }
    )
    name: str
    columns: list[str]
    rows: list[dict[str, Any]] = Field(
        description="values as JSON: nodes {id, element_id, labels, properties}, dates as ISO strings"
    )
    row_count: int
    truncated: bool = Field(description="true when the row cap stopped the fetch")
    warnings: list[str] = Field(
        default_factory=list,
        description="Neo4j's notices on the query: an unknown label, relationship type or property "
        "(often a misspelling: an empty answer is then no answer), a cartesian product...",
    )


@router.get("", response_model=list[QueryInfo])
def list_queries():
    """Every catalogue query: name, description, parameters (type, default) and returned columns."""
    return [q.public() for q in statements.catalogue().values()]


@router.post("/{name}", response_model=QueryResult, responses=READ)
def run_query(
    store: StoreDep,
    name: Annotated[str, Path(description="a catalogue query's name", examples=["grid_units"])],
    params: Annotated[
        dict[str, Any] | None,
        Body(
            description="the query's parameters by name",
            examples=[{"grid_id": "G-350802006002-01", "limit": 10}],
        ),
    ] = None,
):
    """Runs one catalogue query in a read transaction, its parameters checked against its header
    (422 names the bad one), with a timeout (408) and a row cap (`truncated`)."""
    result = reads.read(statements.get(name).name, params, store=store, warnings=True)
    rows = redact(result.json_rows())
    return QueryResult(
        name=name,
        columns=result.columns,
        rows=rows,
        row_count=len(rows),
        truncated=result.truncated,
        warnings=result.warnings,
    )
