"""`grassroots db start|stop|status|build`: the local embedded Neo4j."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.catalogue import reads
from graph.core import local_neo4j
from graph.core.language import say
from graph.core.settings import get_settings
from graph.core.store import Store

app = typer.Typer(no_args_is_help=True)
out = Console(highlight=False)


@app.command(
    help=say(
        "首次使用时构建 neo4j-local，在后台启动，并等到 Bolt 端口可以连接",
        "Build neo4j-local on first use, start it in the background, wait until Bolt answers.",
    )
)
def start(
    port: Annotated[
        int | None,
        typer.Option(
            help=say(
                "127.0.0.1 上的 Bolt 端口（默认取 GRASSROOTS_NEO4J_PORT，否则 7687）",
                "Bolt port on 127.0.0.1 (default GRASSROOTS_NEO4J_PORT or 7687)",
            )
        ),
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            help=say("数据存放目录（默认 .grassroots/neo4j-data）", "Store folder (default .grassroots/neo4j-data)")
        ),
    ] = None,
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
    took = time.monotonic() - t0
    out.print(
        say(
            f"Neo4j 已在 {server.uri} 运行（进程 {server.pid}，数据目录 {server.data_dir}），用时 {took:.1f} 秒",
            f"Neo4j running at {server.uri} (pid {server.pid}, data {server.data_dir}) in {took:.1f}s",
        ),
        soft_wrap=True,
    )


@app.command(
    help=say(
        "停止本地 Neo4j（SIGTERM），并等到其存储关闭",
        "Stop the local Neo4j (SIGTERM) and wait until its store is closed.",
    )
)
def stop() -> None:
    """Stop the local Neo4j (SIGTERM) and wait until its store is closed."""
    server = local_neo4j.stop(home=get_settings().grassroots_home)
    if server:
        out.print(
            say(
                f"已停止 {server.uri} 上的 Neo4j（进程 {server.pid}）。",
                f"Stopped Neo4j at {server.uri} (pid {server.pid}).",
            ),
            soft_wrap=True,
        )
    else:
        out.print(say("Neo4j 未在运行。", "Neo4j is not running."), soft_wrap=True)


@app.command(help=say("显示 URI、Neo4j 版本和节点数", "Print the URI, the Neo4j version and the node count."))
def status() -> None:
    """Print the URI, the Neo4j version and the node count."""
    s = get_settings()
    if s.uses_local and local_neo4j.running(s.grassroots_home) is None:
        out.print(
            say(
                "Neo4j 未在运行：用 `grassroots db start` 启动。",
                "Neo4j is not running: `grassroots db start` starts it.",
            ),
            soft_wrap=True,
        )
        raise typer.Exit(3)
    store = Store.from_settings(s)
    try:
        store.verify()
        row = reads.read("admin/server_info", store=store).records[0]
    finally:
        store.close()
    out.print(
        say(
            f"{store.uri}  Neo4j {row['version']} {row['edition']}  数据库 {s.neo4j_database}：{row['nodes']} 个节点",
            f"{store.uri}  Neo4j {row['version']} {row['edition']}  database {s.neo4j_database}: {row['nodes']} nodes",
        ),
        soft_wrap=True,
    )


@app.command(
    help=say(
        "构建 neo4j-local（Maven；从 Maven Central 下载 jar 到 neo4j-local/target/），已是最新则跳过",
        "Build neo4j-local (Maven; jars from Maven Central into neo4j-local/target/) if not up to date.",
    )
)
def build() -> None:
    """Build neo4j-local (Maven; jars from Maven Central into neo4j-local/target/) if not up to date."""
    s = get_settings()
    local_neo4j.build(home=s.grassroots_home, progress=out.print)
