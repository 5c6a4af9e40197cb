"""Maps the project's errors to HTTP answers: 404/422/409/503 with a reason, never a traceback."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from neo4j.exceptions import ClientError, Neo4jError

from graph.errors import NotFound, UserError
from graph.store import GraphUnavailable

log = logging.getLogger("grassroots.api")


def install(app: FastAPI) -> None:
    @app.exception_handler(GraphUnavailable)
    async def unavailable(_: Request, exc: GraphUnavailable):
        return JSONResponse({"status": "unavailable", "detail": str(exc)}, status_code=503)

    @app.exception_handler(NotFound)
    async def not_found(_: Request, exc: NotFound):
        return JSONResponse({"detail": str(exc)}, status_code=404)

    @app.exception_handler(UserError)
    async def user_error(_: Request, exc: UserError):
        return JSONResponse({"detail": str(exc)}, status_code=getattr(exc, "status_code", 422))

    @app.exception_handler(ClientError)
    async def client_error(_: Request, exc: ClientError):
        return JSONResponse({"detail": f"{exc.code}: {exc.message}"}, status_code=400)

    @app.exception_handler(Neo4jError)
    async def neo4j_error(_: Request, exc: Neo4jError):
        log.error("Neo4j error: %s", exc)
        return JSONResponse({"detail": f"Neo4j error {exc.code}: {exc.message}"}, status_code=502)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception):
        log.exception("unexpected error")
        return JSONResponse({"detail": f"internal error ({type(exc).__name__}); see the server log"}, status_code=500)
