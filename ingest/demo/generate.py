"""`generate(tier, out, seed)`: the whole demo dataset as ordinary input files, in one pass."""

from __future__ import annotations

import random
from pathlib import Path

from graph.core.errors import UserError
from ingest.demo import areas, extras, issues, meetings, orgs, people, units
from ingest.demo.calibration import TIERS, targets
from ingest.demo.world import World
from ingest.divisions.sources import iter_divisions
from ingest.input_files import Files


def generate(tier: str, out: Path, seed: int = 7) -> dict[str, int]:
    """Writes `<kind>.csv` files for `tier` (xinluo, longyan or fujian) into `out` (emptied of
    earlier `.csv` files first) and returns the number of rows written per kind. The same tier
    and seed always give byte-identical files."""
    if tier not in TIERS:
        raise UserError(f"unknown tier {tier!r}: one of {', '.join(TIERS)}")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} is a file, not a folder")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.csv"):
        old.unlink()
    code = TIERS[tier]
    n_communities = sum(1 for kind, _ in iter_divisions(code) if kind == "communities")
    rng = random.Random(f"grassroots-demo/{tier}/{seed}")
    with Files(out) as files:
        w = World(rng=rng, t=targets(tier, n_communities), files=files)
        areas.divisions(w, code)
        areas.choose_bpcs(w)
        extras.vocabularies(w)
        orgs.district_level(w)
        orgs.streets_and_communities(w)
        areas.grids(w)
        areas.micro_grids(w)
        areas.compounds(w)
        orgs.property_orgs(w)
        orgs.buildings(w)
        units.units_and_pairings(w)
        units.cadres(w)
        units.funding_and_projects(w)
        extras.documents(w)
        people.registrations(w)
        meetings.joint_meetings(w)
        meetings.onsite_meetings(w)
        meetings.evening_talks(w)
        issues.evening_talk_issues(w)
        issues.difficulties(w)
        issues.petitions(w)
        issues.platform(w)
        people.activities(w)
        extras.points(w)
        extras.awards(w)
        extras.evaluations(w)
        return dict(sorted(files.counts.items()))
