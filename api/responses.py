"""The error answers the read API documents in OpenAPI (bodies are always {"detail": "..."})."""

from typing import Any

Responses = dict[int | str, dict[str, Any]]  # the `responses=` of a route, as FastAPI types it


def response(description: str, detail: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"example": {"detail": detail}}}}


NOT_FOUND: Responses = {404: response("the id names nothing of that kind", "no Community with id '350802999999'")}
BAD_PARAM: Responses = {
    422: response(
        "a bad parameter; the message names it",
        "parameter 'limit': Input should be less than or equal to 1000",
    )
}
UNAVAILABLE: Responses = {
    503: response(
        "Neo4j cannot be reached, or is too busy now; the reason says which (never the server's address)",
        "Neo4j is unavailable: it cannot be reached (stopped, restarting or unreachable); trying again later may work",
    )
}
TIMEOUT: Responses = {
    408: response(
        "the query ran past its time limit and was stopped",
        "the query ran longer than the 30 s limit and was stopped; narrow it "
        "(labels, ids, LIMIT) or ask for a longer timeout",
    )
}
READ: Responses = {**NOT_FOUND, **BAD_PARAM, **TIMEOUT, **UNAVAILABLE}
AUTH: Responses = {
    401: response(
        "no key, or a key that is unknown or revoked (with auth on; writes always need one)", "missing API key"
    ),
    403: response("the key's role or area does not allow this", "this needs the role coordinator; the key is a viewer"),
}
LIMITS: Responses = {
    413: response(
        "the body is larger than GRASSROOTS_BODY_MAX_KB (docs/api.md, 'Limits')", "the body is larger than 1024 KiB"
    ),
    429: response(
        "more requests in flight from this caller than GRASSROOTS_INFLIGHT_PER_CLIENT; retry after Retry-After",
        "too many requests at once from this caller; try again in a moment",
    ),
}
# What any /api/v1 route can answer besides its own: create_app adds these to every router.
COMMON: Responses = {**AUTH, **LIMITS, **BAD_PARAM, **UNAVAILABLE}
