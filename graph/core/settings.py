"""One settings object, read from the environment with Neo4j's own variable names.

No `NEO4J_URI` means "the local Neo4j started by `grassroots db start`": its URI is read from the
state file that `db start` writes, falling back to the default local port.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.core.resources import checkout_root


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False)

    neo4j_uri: str | None = Field(default=None, description="bolt:// or neo4j:// URI; unset = local Neo4j")
    neo4j_username: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"

    # The local embedded Neo4j (`grassroots db start`).
    grassroots_home: Path = Field(
        default_factory=lambda: default_home(), description="state, logs and data of the local Neo4j"
    )
    grassroots_neo4j_port: int = 7687
    grassroots_neo4j_heap: str = "2g"
    # 0 = sized to the store at start: its files plus a quarter, at least 128 MB (docs/performance.md)
    grassroots_neo4j_pagecache_mb: int = Field(default=512, ge=0)
    grassroots_neo4j_tx_timeout_s: int = 300
    grassroots_neo4j_tx_memory_mb: int = 512
    grassroots_neo4j_tx_monitor_ms: int = 100  # how often Neo4j stops transactions past their timeout

    # What people read: the project's time zone and language (Chinese first, English available).
    grassroots_tz: str = Field(default="Asia/Shanghai", description="IANA time zone of the project")
    grassroots_lang: Literal["zh", "en"] = Field(default="zh", description="language of the CLI, ledgers, texts")

    # Who may see and do what (docs/security.md).
    grassroots_auth: Literal["on", "off"] = Field(
        default="on", description="API keys required; `off` only while the API listens on loopback"
    )
    grassroots_secret_key: str = Field(default="", description="seals work phones; default: <home>/secret.key")
    grassroots_cors_origins: list[str] = Field(default_factory=list, description="origins allowed to call the API")
    grassroots_allowed_hosts: list[str] = Field(
        default_factory=lambda: ["127.0.0.1", "localhost", "::1", "testserver"],
        description="Host headers the API answers (against DNS rebinding)",
    )

    grassroots_key: str = Field(
        default="", description="the API key the CLI acts with; default: the home's owner (admin)"
    )
    grassroots_ingest_upload_mb: int = Field(default=500, ge=1, description="largest upload POST /api/v1/ingest takes")

    # Request bounds (api/limits.py; docs/api.md, "Limits").
    grassroots_body_max_kb: int = Field(default=1024, ge=1, description="largest request body but an ingest upload")
    grassroots_json_depth_max: int = Field(default=32, ge=2, le=500, description="deepest nesting of a JSON body")
    grassroots_inflight_per_client: int = Field(
        default=16, ge=0, description="requests of one key (or client address) at once; 0 = no limit"
    )
    grassroots_inflight_wait_s: float = Field(
        default=2.0, ge=0, le=60, description="how long a request past that limit waits for a slot before 429"
    )

    # Query guards.
    grassroots_query_timeout_s: float = 30.0
    grassroots_row_cap: int = 10_000
    # Heavy aggregates (/stats/resolution, /stats/overview) kept per data version, at most this long.
    grassroots_aggregate_cache_s: float = Field(default=600.0, ge=0, description="0 = no cache")

    # Analytics (docs/analytics.md): the largest network an analysis or export builds in memory.
    grassroots_analytics_max_nodes: int = Field(
        default=50_000, ge=1, description="nodes in an area's co-building network; larger areas are refused (413)"
    )
    grassroots_analytics_max_rows: int = Field(
        default=400_000, ge=1, description="relationships streamed for one area's network; more are refused (413)"
    )

    # Graph-view caps (docs/graph-json.md): what a picture holds when the caller names no limit.
    # An answer cut by one says what it left out (`left_out`), and the page offers to load more.
    grassroots_graph_node_cap: int = Field(default=200, ge=1, le=2000, description="nodes in a neighbourhood")
    grassroots_graph_expand_cap: int = Field(default=60, ge=1, le=2000, description="nodes one expand adds")
    grassroots_graph_building_cap: int = Field(
        default=300, ge=0, le=5000, description="buildings in a community picture"
    )
    grassroots_graph_micro_grid_cap: int = Field(
        default=200, ge=0, le=5000, description="micro-grids in a community picture"
    )

    @field_validator("grassroots_tz")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{v!r} is not a time zone (e.g. Asia/Shanghai)") from None
        return v

    @property
    def uses_local(self) -> bool:
        return not self.neo4j_uri

    @property
    def state_file(self) -> Path:
        return self.grassroots_home / "neo4j-local.json"

    def resolved_password(self) -> str:
        """NEO4J_PASSWORD, or for the local Neo4j the password `db start` made in the home folder."""
        if self.neo4j_password or not self.uses_local:
            return self.neo4j_password
        try:
            return (self.grassroots_home / "neo4j-password").read_text(encoding="utf-8").strip()
        except OSError:
            return ""

    def resolved_uri(self) -> str:
        if self.neo4j_uri:
            return self.neo4j_uri
        try:
            return json.loads(self.state_file.read_text())["uri"]
        except (OSError, ValueError, KeyError):
            return f"bolt://127.0.0.1:{self.grassroots_neo4j_port}"


def default_home() -> Path:
    """`.grassroots/` in a source checkout (as `make demo` uses it); otherwise the user's data folder."""
    root = checkout_root()
    if root is not None:
        return root / ".grassroots"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "grassroots"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
