"""GET /health: is the API up, and can it reach Neo4j?"""

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from api.deps import StoreDep
from graph.catalogue import reads
from graph.core.errors import GraphUnavailable, UserError

HEALTH_TIMEOUT_S = 15.0

router = APIRouter(tags=["health"])


class Neo4jHealth(BaseModel):
    ok: bool
    version: str | None = None


class Health(BaseModel):
    status: str
    neo4j: Neo4jHealth


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
                        "detail": "Neo4j at bolt://127.0.0.1:7687 is unavailable: ...",
                    }
                }
            },
        }
    },
)
def health(store: StoreDep):
    """`ok` with the Neo4j version, or 503 with the reason when Neo4j cannot be reached."""
    try:
        # A cold server on a busy machine can take seconds to plan its first query.
        row = reads.read("admin/server_info", store=store, timeout=HEALTH_TIMEOUT_S).records[0]
    except (GraphUnavailable, UserError) as exc:  # unreachable, or reachable but not answering in time
        return JSONResponse({"status": "unavailable", "detail": str(exc)}, status_code=503)
    return Health(status="ok", neo4j=Neo4jHealth(ok=True, version=row["version"]))
