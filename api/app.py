"""Builds the FastAPI app: mounts every router, the error handlers and the page under /."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from api import errors
from api.routers import (
    areas,
    cypher,
    gaps,
    graph_view,
    health,
    issues,
    open311,
    people,
    queries,
    search,
    stats,
    stats_overview,
    units,
    vocabulary,
)
from graph.core.language import from_accept_language, speaking
from graph.core.resources import web_dir
from graph.core.store import reset_store

API_PREFIX = "/api/v1"


@asynccontextmanager
async def lifespan(_: FastAPI):
    yield
    reset_store()


def create_app() -> FastAPI:
    # /docs and /redoc from Swagger UI and ReDoc files that ship with fastapi-offline: no CDN.
    app = FastAPIOffline(
        title="grassroots-graph",
        version="0.1.0",
        lifespan=lifespan,
        description="The community-governance knowledge graph of Xinluo District: areas, "
        "party and administrative lines, big party committees, co-building units, "
        "issues and their escalation. Read-only analytics plus the coordinators' issue loop.",
    )
    errors.install(app)

    @app.middleware("http")
    async def language(request: Request, call_next):
        # Texts in answers (labels, notes) follow the client's Accept-Language; Chinese first.
        lang = request.query_params.get("lang") or from_accept_language(request.headers.get("accept-language"))
        with speaking("en" if lang == "en" else "zh"):
            return await call_next(request)

    app.include_router(health.router)
    app.include_router(graph_view.router, prefix=API_PREFIX)
    app.include_router(issues.router, prefix=API_PREFIX)
    app.include_router(open311.router)
    for r in (areas, units, people, gaps, stats, search, queries, cypher):  # the catalogue and read API
        app.include_router(r.router, prefix=API_PREFIX)
    app.include_router(stats_overview.router, prefix=API_PREFIX)
    app.include_router(vocabulary.router, prefix=API_PREFIX)
    # The page (web/). Keep this mount last: a mount at / answers every path no route before it took.
    app.mount("/", StaticFiles(directory=web_dir(), html=True), name="web")
    return app
