"""`grassroots db start|stop|status`: the local embedded Neo4j."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.catalogue import reads
from graph.core import local_neo4j
from graph.core.settings import get_settings
from graph.core.store import Store

app = typer.Typer(no_args_is_help=True)
out = Console(highlight=False)


@app.command()
def start(
    port: Annotated[
        int | None, typer.Option(help="Bolt port on 127.0.0.1 (default GRASSROOTS_NEO4J_PORT or 7687)")
    ] = None,
    data_dir: Annotated[Path | None, typer.Option(help="Store folder (default .grassroots/neo4j-data)")] = None,
) -> None:
    """Build neo4j-local on first use, start it in the background, wait until Bolt answers."""
    s = get_settings()
    t0 = time.monotonic()
    server = local_neo4j.start(
        home=s.grassroots_home,
        port=port or s.grassroots_neo4j_port,
        data_dir=data_dir,
        heap=s.grassroots_neo4j_heap,
        pagecache_mb=s.grassroots_neo4j_pagecache_mb,
        tx_timeout_s=s.grassroots_neo4j_tx_timeout_s,
        tx_memory_mb=s.grassroots_neo4j_tx_memory_mb,
        tx_monitor_ms=s.grassroots_neo4j_tx_monitor_ms,
        progress=out.print,
    )
    out.print(
        f"Neo4j running at {server.uri} (pid {server.pid}, data {server.data_dir}) in {time.monotonic() - t0:.1f}s"
    )


@app.command()
def stop() -> None:
    """Stop the local Neo4j (SIGTERM) and wait until its store is closed."""
    server = local_neo4j.stop(home=get_settings().grassroots_home)
    out.print(f"Stopped Neo4j at {server.uri} (pid {server.pid})." if server else "Neo4j is not running.")


@app.command()
def status() -> None:
    """Print the URI, the Neo4j version and the node count."""
    s = get_settings()
    if s.uses_local and local_neo4j.running(s.grassroots_home) is None:
        out.print("Neo4j is not running: `grassroots db start` starts it.")
        raise typer.Exit(3)
    store = Store.from_settings(s)
    try:
        store.verify()
        row = reads.read("admin/server_info", store=store).records[0]
    finally:
        store.close()
    out.print(
        f"{store.uri}  Neo4j {row['version']} {row['edition']}  database {s.neo4j_database}: {row['nodes']} nodes"
    )


@app.command()
def build() -> None:
    """Build neo4j-local (Maven; jars from Maven Central into neo4j-local/target/) if not up to date."""
    s = get_settings()
    local_neo4j.build(home=s.grassroots_home, progress=out.print)
