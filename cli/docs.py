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
from graph.core.language import say, speaking
from graph.core.resources import checkout_root
from graph.model import docs as model_docs
from ingest.templates import docs_markdown

out = Console(highlight=False)

# page -> what renders it; tests/test_generated_docs.py keeps the committed pages equal to these.
# The pages are committed files, one text whatever GRASSROOTS_LANG says: display names in them are Chinese.
PAGES: dict[str, Callable[[], str]] = {
    "model.md": model_docs.render,
    "queries.md": catalogue_docs.render,
    "ingest.md": docs_markdown,
}


def docs(
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help=say("写入的目录（默认：源码目录中的 docs/）", "Folder to write to (default: the checkout's docs/)"),
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help=say("不写任何文件；有页面过期时退出状态为 1", "Write nothing; exit 1 when a page is out of date"),
        ),
    ] = False,
) -> None:
    """Regenerate the pages generated from the model, the query headers and the input kinds."""
    if out_dir is None:
        root = checkout_root()
        if root is None:
            raise UserError(say("不在源码目录中：请用 --out DIR 指定目录", "not in a source checkout: give --out DIR"))
        out_dir = root / "docs"
    stale = []
    for name, render in PAGES.items():
        with speaking("zh"):
            text = render()
        path = out_dir / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(name)
        if not check:
            out_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            out.print(say(f"已写入 {path}", f"wrote {path}"), soft_wrap=True)
    if check and stale:
        out.print(
            say(
                f"已过期：{'、'.join(stale)}（运行 `grassroots docs` 重新生成）",
                f"out of date: {', '.join(stale)} (run `grassroots docs`)",
            ),
            soft_wrap=True,
        )
        raise typer.Exit(1)
    if not stale:
        out.print(
            say(
                f"{out_dir} 中的 {len(PAGES)} 个生成页面均为最新",
                f"{len(PAGES)} generated pages are up to date in {out_dir}",
            ),
            soft_wrap=True,
        )
