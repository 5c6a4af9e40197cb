"""`grassroots keys create|list|revoke`: the API keys (graph.core.access), admin only."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from cli.who import need
from graph.core.access import ROLES
from graph.core.language import lang, say
from graph.core.store import get_store
from graph.services import keys

app = typer.Typer(no_args_is_help=True)
out = Console(highlight=False)


@app.command(
    help=say("新建一个 API 密钥：只显示这一次，只保存其哈希", "Make an API key: shown once, only its hash is kept.")
)
def create(
    name: Annotated[str, typer.Option("--name", help=say("谁或什么使用这个密钥", "who or what uses the key"))],
    role: Annotated[str, typer.Option("--role", help=" < ".join(ROLES))],
    person: Annotated[
        str | None,
        typer.Option("--person", help=say("写入记在此人名下（协调员需要）", "the Person writes are recorded under")),
    ] = None,
    scope: Annotated[
        str | None,
        typer.Option(
            "--scope",
            help=say("仅限此区、街道或社区（代码或名称）", "limit the key to this district, street or community"),
        ),
    ] = None,
) -> None:
    need("admin")
    key, text = keys.create(store=get_store(), name=name, role=role, person=person, scope=scope)
    out.print(say(f"已新建密钥 {key.id}（{key.name}，{key.role}）。", f"Made key {key.id} ({key.name}, {key.role})."))
    out.print(say("密钥只显示这一次，请妥善保存：", "The key is shown this once; keep it safe:"))
    print(text)  # plain, so it can be copied or piped


@app.command("list", help=say("列出所有密钥（不显示密钥本身）", "List the keys (never the keys themselves)."))
def list_(
    revoked: Annotated[bool, typer.Option(help=say("包括已吊销的", "include revoked keys"))] = True,
) -> None:
    need("admin")
    zh = ["编号", "名称", "角色", "人员", "区域", "创建于", "创建者", "吊销于"]
    en = ["id", "name", "role", "person", "area", "created", "by", "revoked"]
    t = Table(*(en if lang() == "en" else zh))
    for k in keys.listed(include_revoked=revoked):
        t.add_row(*[str(k[c] or "") for c in
                    ("id", "name", "role", "person", "scope", "created_at", "created_by", "revoked_at")])  # fmt: skip
    out.print(t)


@app.command(help=say("立即吊销一个密钥", "Revoke a key at once."))
def revoke(key_id: Annotated[str, typer.Argument(help=say("密钥编号", "the key's id"))]) -> None:
    need("admin")
    k = keys.revoke(key_id)
    out.print(
        say(f"密钥 {k.id}（{k.name}）已于 {k.revoked_at} 吊销。", f"Key {k.id} ({k.name}) revoked at {k.revoked_at}.")
    )
