"""The calibrated demo dataset: `generate(tier, out, seed)` writes ordinary input files on the
real divisions. Tier `xinluo` reproduces every figure of the article exactly (docs/demo-data.md);
`longyan` and `fujian` scale the same structure for benchmarks."""

from ingest.demo.calibration import TIERS
from ingest.demo.generate import generate

__all__ = ["TIERS", "generate"]
