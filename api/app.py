"""Builds the FastAPI app: mounts every router with the role it needs, the error handlers, the
guards every request passes (allowed hosts, CORS, security headers, who is calling) and the page
under /. Every JSON answer leaves through `RedactedJSON`: phones and residents' names as the caller
may see them (graph.core.privacy)."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from api import errors
from api.auth import identify, need
from api.headers import security_headers
from api.limits import InFlight, RequestBounds
from api.redacted import RedactedJSON
from api.responses import COMMON
from api.routers import (
    admin,
    analytics,
    areas,
    cypher,
    gaps,
    graph_view,
    health,
    issues,
    ledger,
    meetings,
    open311,
    people,
    points,
    queries,
    search,
    stats,
    stats_overview,
    unit_review,
    units,
    vocabulary,
)
from graph.core.access import acting_as
from graph.core.errors import ServiceError
from graph.core.language import from_accept_language, speaking
from graph.core.privacy import revealing
from graph.core.resources import web_dir
from graph.core.settings import get_settings
from graph.core.store import reset_store

API_PREFIX = "/api/v1"


@asynccontextmanager
async def lifespan(_: FastAPI):
    yield
    reset_store()


def create_app() -> FastAPI:
    settings = get_settings()
    # /docs and /redoc from Swagger UI and ReDoc files that ship with fastapi-offline: no CDN.
    app = FastAPIOffline(
        title="grassroots-graph",
        version="0.1.0",
        lifespan=lifespan,
        default_response_class=RedactedJSON,
        description="The community-governance knowledge graph of Xinluo District: areas, "
        "party and administrative lines, big party committees, co-building units, "
        "issues and their escalation. Read-only analytics plus the coordinators' issue loop. "
        "Send `Authorization: Bearer <key>` (docs/security.md: roles viewer < analyst < coordinator < admin).",
    )
    errors.install(app)

    # Middleware runs outermost-last-added: hosts, then CORS, then headers, then who is calling.
    @app.middleware("http")
    async def language(request: Request, call_next):
        # Texts in answers (labels, notes) follow the client's Accept-Language; Chinese first.
        lang = request.query_params.get("lang") or from_accept_language(request.headers.get("accept-language"))
        with speaking("en" if lang == "en" else "zh"):
            return await call_next(request)

    @app.middleware("http")
    async def caller(request: Request, call_next):
        try:
            who = await identify(request)
        except ServiceError as exc:
            return errors.answer(request, exc.status, exc.body())
        with acting_as(who), revealing(who is not None and who.sees_contacts):
            return await call_next(request)

    app.middleware("http")(security_headers(web_dir()))
    if settings.grassroots_cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.grassroots_cors_origins,
            allow_credentials=False,  # keys travel in a header, never in cookies
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Accept-Language"],
            expose_headers=["Link", "Content-Disposition"],
            max_age=600,
        )
    app.add_middleware(InFlight)  # per caller, inside the body bounds (api/limits.py)
    app.add_middleware(RequestBounds)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.grassroots_allowed_hosts)

    viewer, analyst = [need("viewer")], [need("analyst")]
    app.include_router(health.router)  # no key: load balancers and `grassroots db status` ask it
    app.include_router(open311.router, dependencies=viewer)
    for r in (
        graph_view,
        ledger,
        issues,
        areas,
        units,
        unit_review,
        people,
        meetings,
        points,
        gaps,
        stats,
        stats_overview,
        search,
        queries,
        vocabulary,
    ):
        app.include_router(
            r.router, prefix=API_PREFIX, dependencies=viewer, responses=COMMON
        )  # routes may ask for more
    app.include_router(cypher.router, prefix=API_PREFIX, dependencies=analyst, responses=COMMON)
    app.include_router(analytics.router, prefix=API_PREFIX, dependencies=analyst, responses=COMMON)
    app.include_router(admin.router, prefix=API_PREFIX, responses=COMMON)  # each route asks for admin
    # The page (web/). Keep this mount last: a mount at / answers every path no route before it took.
    app.mount("/", StaticFiles(directory=web_dir(), html=True), name="web")
    return app
