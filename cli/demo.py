"""`grassroots demo-data --tier xinluo|longyan|fujian --out DIR [--seed N]`."""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph.core.language import say

out = Console(highlight=False)


class Tier(StrEnum):
    xinluo = "xinluo"
    longyan = "longyan"
    fujian = "fujian"


def demo_data(
    out_dir: Annotated[
        Path,
        typer.Option(
            "--out",
            help=say(
                "写入 CSV 文件的目录（其中原有的 .csv 文件会被删除）",
                "Folder for the CSV files (earlier .csv files in it are removed)",
            ),
        ),
    ],
    tier: Annotated[
        Tier,
        typer.Option(
            "--tier",
            help=say(
                "xinluo：校准过的新罗区（350802）；longyan（3508）和 fujian（35）：按比例放大，用于基准测试",
                "xinluo: the calibrated district (350802); longyan (3508) and fujian (35): scaled for benchmarks",
            ),
        ),
    ] = Tier.xinluo,
    seed: Annotated[
        int, typer.Option("--seed", help=say("种子相同，文件逐字节相同", "Same seed, same files, byte for byte"))
    ] = 7,
) -> None:
    """Write the demo dataset as ordinary input files; load it with `grassroots ingest DIR`."""
    from ingest.demo import generate

    t0 = time.monotonic()
    counts = generate(tier=tier.value, out=out_dir, seed=seed)
    table = Table(
        say("文件", "file"),
        say("行数", "rows"),
        title=say(f"演示数据：{tier.value}，种子 {seed}", f"demo data, tier {tier.value}, seed {seed}"),
    )
    for kind, n in counts.items():
        table.add_row(f"{kind}.csv", f"{n:,}")
    out.print(table)
    rows, files, took = sum(counts.values()), len(counts), time.monotonic() - t0
    out.print(
        say(
            f"已在 {out_dir} 写入 {files} 个文件，共 {rows:,} 行（用时 {took:.1f} 秒）。"
            f"载入命令：grassroots ingest {out_dir}",
            f"{rows:,} rows in {files} files in {out_dir} ({took:.1f} s). Load them with: grassroots ingest {out_dir}",
        ),
        soft_wrap=True,
    )
