"""The `grassroots` command line: thin commands over graph/ and ingest/."""

from cli.app import app, main

__all__ = ["app", "main"]
