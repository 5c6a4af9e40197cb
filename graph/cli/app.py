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


_register()


def main() -> None:
    # The driver logs each retry at WARNING; the CLI reports the final outcome in one line instead.
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    try:
        app()
    except (UserError, LocalNeo4jError, GraphUnavailable) as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
