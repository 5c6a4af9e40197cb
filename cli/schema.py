"""`grassroots schema apply|show`."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from cli.who import need
from graph.catalogue.schema import apply_schema, schema_state
from graph.core.language import say
from graph.core.store import get_store
from graph.model.vocabulary import display, vocabulary

app = typer.Typer(no_args_is_help=True)
out = Console(highlight=False)


@app.command(
    help=say("创建模型的全部约束和索引（可重复执行）", "Create every constraint and index of the model (idempotent).")
)
def apply() -> None:
    """Create every constraint and index of the model (idempotent)."""
    need("admin")
    n = apply_schema(get_store())
    out.print(
        say(
            f"约束和索引已应用：{n} 条语句，所有索引均已在线。", f"Schema applied: {n} statements, all indexes online."
        ),
        soft_wrap=True,
    )


def _kind(code: str) -> str:
    return {"index": say("索引", "index"), "constraint": say("约束", "constraint")}.get(code, code)


def _state(code: str) -> str:
    names = {
        "ONLINE": say("在线", "ONLINE"),
        "POPULATING": say("填充中", "POPULATING"),
        "FAILED": say("失败", "FAILED"),
    }
    return names.get(code, code)


def _label(code: str) -> str:
    """A label or relationship type as the code Cypher uses, with its name beside it."""
    domain = "label" if code in vocabulary().get("label", {}) else "relationship"
    name = display(domain, code)
    return code if name == code else say(f"{code}（{name}）", f"{code} ({name})")


@app.command(help=say("列出约束和索引", "List constraints and indexes."))
def show() -> None:
    """List constraints and indexes."""
    table = Table(
        say("种类", "kind"),
        say("名称", "name"),
        say("类型", "type"),
        say("标签", "labels"),
        say("属性", "properties"),
        say("状态", "state"),
    )
    for row in schema_state(get_store()):
        table.add_row(
            _kind(row["kind"]),
            row["name"],
            row["type"],
            ",".join(_label(x) for x in row["labels"] or []),
            ",".join(row["properties"] or []),
            _state(row["state"]),
        )
    out.print(table)
