"""`grassroots demo-data --tier xinluo|longyan|fujian --out DIR [--seed N]`."""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

out = Console(highlight=False)


class Tier(StrEnum):
    xinluo = "xinluo"
    longyan = "longyan"
    fujian = "fujian"


def demo_data(
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for the CSV files (earlier .csv files in it are removed)")
    ],
    tier: Annotated[
        Tier,
        typer.Option(
            "--tier",
            help="xinluo: the calibrated district (350802); longyan (3508) and fujian (35): scaled for benchmarks",
        ),
    ] = Tier.xinluo,
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same files, byte for byte")] = 7,
) -> None:
    """Write the demo dataset as ordinary input files; load it with `grassroots ingest DIR`."""
    from ingest.demo import generate

    t0 = time.monotonic()
    counts = generate(tier=tier.value, out=out_dir, seed=seed)
    table = Table("file", "rows", title=f"demo data, tier {tier.value}, seed {seed}")
    for kind, n in counts.items():
        table.add_row(f"{kind}.csv", f"{n:,}")
    out.print(table)
    out.print(
        f"{sum(counts.values()):,} rows in {len(counts)} files in {out_dir} ({time.monotonic() - t0:.1f} s). "
        f"Load them with: grassroots ingest {out_dir}"
    )
