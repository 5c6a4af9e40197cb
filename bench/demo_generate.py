"""Time and peak memory of the demo generator per tier, raw numbers kept.

    .venv/bin/python bench/demo_generate.py [--tiers xinluo longyan fujian] [--seed 7]

Each tier runs in a child process (so peak resident memory is its own) writing to a temporary
folder; results (rows per kind, seconds, peak RSS in MB) go to bench/results/demo_generate.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import json, resource, sys, time
from ingest.demo import generate
t = time.perf_counter()
counts = generate(tier=sys.argv[1], out=sys.argv[2], seed=int(sys.argv[3]))
print(json.dumps({"seconds": round(time.perf_counter() - t, 2), "rows": sum(counts.values()), "counts": counts,
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiers", nargs="+", default=["xinluo", "longyan", "fujian"])
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    results = {
        "machine": {"cpus": __import__("os").cpu_count(), "python": platform.python_version()},
        "tiers": {},
    }
    for tier in args.tiers:
        with tempfile.TemporaryDirectory() as tmp:
            out = subprocess.run(
                [sys.executable, "-c", CHILD, tier, tmp, str(args.seed)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            results["tiers"][tier] = json.loads(out.stdout.strip().splitlines()[-1])
            r = results["tiers"][tier]
            print(f"{tier}: {r['rows']:,} rows in {r['seconds']} s, peak {r['peak_rss_mb']} MB")
    dest = ROOT / "bench" / "results" / "demo_generate.json"
    dest.parent.mkdir(exist_ok=True)
    dest.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
