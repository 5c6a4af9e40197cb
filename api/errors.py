"""The one place errors become HTTP answers: the status each error carries (graph.core.errors) and
its body `{"detail": "...", ...}`; Open311 paths answer in GeoReport's shape, a list of
`{"code", "description"}`. Never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from neo4j.exceptions import ClientError, Neo4jError

from graph.core.errors import ServiceError

log = logging.getLogger("grassroots.api")
OPEN311_PREFIX = "/open311/"


def answer(request: Request, status: int, body: dict[str, Any]) -> JSONResponse:
    if request.url.path.startswith(OPEN311_PREFIX):
        status = 400 if status == 422 else status  # GeoReport v2: 400 for any invalid parameter
        return JSONResponse([{"code": status, "description": body.get("detail", "")}], status_code=status)
    return JSONResponse(jsonable_encoder(body), status_code=status)


def install(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> JSONResponse:
        return answer(request, exc.status, exc.body())

    @app.exception_handler(ClientError)
    async def client_error(request: Request, exc: ClientError) -> JSONResponse:
        return answer(request, 400, {"detail": f"{exc.code}: {exc.message}"})

    @app.exception_handler(Neo4jError)
    async def neo4j_error(request: Request, exc: Neo4jError) -> JSONResponse:
        log.error("Neo4j error: %s", exc)
        return answer(request, 502, {"detail": f"Neo4j error {exc.code}: {exc.message}"})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return answer(request, 500, {"detail": f"internal error ({type(exc).__name__}); see the server log"})
