"""The one place errors become HTTP answers: the status each error carries (graph.core.errors) and
one body shape everywhere, `{"detail": "...", ...extra fields}` (`field` names a bad parameter);
Open311 paths answer in GeoReport's shape, a list of `{"code", "description"}`. Never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from neo4j.exceptions import ClientError, Neo4jError

from api import georeport_xml
from api.redacted import RedactedJSON
from graph.core.errors import ServiceError

log = logging.getLogger("grassroots.api")
OPEN311_PREFIX = "/open311/"


DETAIL_CHARS_MAX = 1000  # of any text in an error body (docs/api.md, "Limits")


def _cut(text: str) -> str:
    return text if len(text) <= DETAIL_CHARS_MAX else text[: DETAIL_CHARS_MAX - 1] + "…"


def answer(request: Request, status: int, body: dict[str, Any]) -> Response:
    if request.url.path.startswith(OPEN311_PREFIX):
        body = {"detail": _cut(str(body.get("detail", "")))}
        status = 400 if status == 422 else status  # GeoReport v2: 400 for any invalid parameter
        errors = [{"code": status, "description": body.get("detail", "")}]
        if request.url.path.endswith(".xml"):
            return georeport_xml.response(georeport_xml.document("errors", "error", errors), status=status)
        return RedactedJSON(errors, status_code=status)
    body = {k: _cut(v) if isinstance(v, str) else v for k, v in body.items()}  # never echo large input
    # RFC 6750: a 401 says which scheme to use.
    headers = {"WWW-Authenticate": 'Bearer realm="grassroots-graph"'} if status == 401 else None
    return RedactedJSON(jsonable_encoder(body), status_code=status, headers=headers)


def validation_body(exc: RequestValidationError) -> dict[str, Any]:
    """FastAPI's own 422 in the project's shape: the first problem, naming the field; the input
    is never echoed back (it may be large or hold personal data)."""
    errors = exc.errors()
    if not errors:
        return {"detail": "the request is not valid"}
    first = errors[0]
    loc = [str(p) for p in first.get("loc", ())]
    if loc and loc[0] in ("body", "query", "path", "header", "cookie"):  # where it came from, not its name
        loc = loc[1:]
    field = ".".join(loc) or "body"
    message = str(first.get("msg", "is not valid")).removeprefix("Value error, ")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return {"detail": f"parameter {field!r}: {message}{more}", "field": field}


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def request_invalid(request: Request, exc: RequestValidationError) -> Response:
        return answer(request, 422, validation_body(exc))

    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> Response:
        return answer(request, exc.status, exc.body())

    @app.exception_handler(ClientError)
    async def client_error(request: Request, exc: ClientError) -> Response:
        return answer(request, 400, {"detail": f"{exc.code}: {exc.message}"})

    @app.exception_handler(Neo4jError)
    async def neo4j_error(request: Request, exc: Neo4jError) -> Response:
        log.error("Neo4j error: %s", exc)
        return answer(request, 502, {"detail": f"Neo4j error {exc.code}: {exc.message}"})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error")
        return answer(request, 500, {"detail": f"internal error ({type(exc).__name__}); see the server log"})
