"""Builds the FastAPI app: mounts every router, the error handlers and the page under /."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import errors
from api.routers import health
from graph.store import reset_store

API_PREFIX = "/api/v1"


@asynccontextmanager
async def lifespan(_: FastAPI):
    yield
    reset_store()


def create_app() -> FastAPI:
    app = FastAPI(title="grassroots-graph", version="0.1.0", lifespan=lifespan,
                  description="The community-governance knowledge graph of Xinluo District: areas, "
                              "party and administrative lines, big party committees, co-building units, "
                              "issues and their escalation. Read-only analytics plus the coordinators' issue loop.")
    errors.install(app)
    app.include_router(health.router)
    return app
