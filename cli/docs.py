"""`grassroots docs [--check]`: the pages generated from the code (docs/model.md, docs/queries.md,
docs/ingest.md), written again or checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.catalogue import docs as catalogue_docs
from graph.core.errors import UserError
from graph.core.resources import checkout_root
from graph.model import docs as model_docs
from ingest.templates import docs_markdown

out = Console(highlight=False)

# page -> what renders it; tests/test_generated_docs.py keeps the committed pages equal to these.
PAGES: dict[str, Callable[[], str]] = {
    "model.md": model_docs.render,
    "queries.md": catalogue_docs.render,
    "ingest.md": docs_markdown,
}


def docs(
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Folder to write to (default: the checkout's docs/)")
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; exit 1 when a page is out of date")] = False,
) -> None:
    """Regenerate the pages generated from the model, the query headers and the input kinds."""
    if out_dir is None:
        root = checkout_root()
        if root is None:
            raise UserError("not in a source checkout: give --out DIR")
        out_dir = root / "docs"
    stale = []
    for name, render in PAGES.items():
        path, text = out_dir / name, render()
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(name)
        if not check:
            out_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            out.print(f"wrote {path}")
    if check and stale:
        out.print(f"out of date: {', '.join(stale)} (run `grassroots docs`)")
        raise typer.Exit(1)
    if not stale:
        out.print(f"{len(PAGES)} generated pages are up to date in {out_dir}")
