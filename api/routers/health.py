"""GET /health: is the API up, and can it reach Neo4j?"""

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from api.deps import StoreDep
from graph.catalogue import reads
from graph.core.errors import GraphUnavailable, UserError
from ingest.load_marker import running_loads

HEALTH_TIMEOUT_S = 15.0

router = APIRouter(tags=["health"])


class Neo4jHealth(BaseModel):
    ok: bool
    version: str | None = None


class Load(BaseModel):
    kind: str = Field(description="the kinds of data being written")
    started_at: str
    pid: int
    host: str


class LoadState(BaseModel):
    running: bool = Field(description="a load is writing now: answers may show part of it")
    started_at: str | None = Field(None, description="when the oldest running load began (UTC)")
    kind: str | None = None
    loads: list[Load] = Field(default_factory=list)


class Health(BaseModel):
    status: str
    neo4j: Neo4jHealth
    load: LoadState


@router.get(
    "/health",
    response_model=Health,
    responses={
        503: {
            "description": "Neo4j cannot be reached",
            "content": {
                "application/json": {
                    "example": {
                        "status": "unavailable",
                        "detail": "Neo4j is unavailable: it cannot be reached (stopped, restarting or unreachable)",
                        "load": {"running": False, "loads": []},
                    }
                }
            },
        }
    },
)
def health(store: StoreDep):
    """`ok` with the Neo4j version, or 503 with the reason when Neo4j cannot be reached; `load`
    says whether a load is writing to the graph now (ingest/load_marker.py)."""
    loads = running_loads(store)
    load = LoadState(
        running=bool(loads),
        started_at=loads[0]["started_at"] if loads else None,
        kind=loads[0]["kind"] if loads else None,
        loads=[Load(**m) for m in loads],
    ).model_dump()
    try:
        # A cold server on a busy machine can take seconds to plan its first query.
        row = reads.read("admin/server_info", store=store, timeout=HEALTH_TIMEOUT_S).records[0]
    except (GraphUnavailable, UserError) as exc:  # unreachable, or reachable but not answering in time
        detail = exc.reason if isinstance(exc, GraphUnavailable) else str(exc)  # never the internal address
        return JSONResponse({"status": "unavailable", "detail": detail, "load": load}, status_code=503)
    return Health(status="ok", neo4j=Neo4jHealth(ok=True, version=row["version"]), load=LoadState(**load))
