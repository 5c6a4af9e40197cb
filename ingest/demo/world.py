"""The generator's working state: the areas and organizations made so far, kept small enough
for the Fujian tier (buildings, people and issues are streamed to the files, not kept)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from ingest.demo import names
from ingest.input_files import Files


@dataclass
class Comm:
    id: str
    name: str
    kind: str  # community | village
    street: str
    district: str
    central: bool  # in a 街道 (street), not a town: the "central city"
    urban_village: bool = False
    bpc: bool = False
    grids: list[str] = field(default_factory=list)
    compound_grids: list[str] = field(default_factory=list)
    micro_grids: list[str] = field(default_factory=list)
    compounds: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)  # paired units
    members: tuple[int, int] = (0, 0)  # registered members: person numbers [a, b)


@dataclass
class Compound:
    id: str
    name: str
    grid: str
    comm: str
    mode: str = "company"
    branch: bool = False
    oc: bool = False
    company: str | None = None


class Held(NamedTuple):
    """A meeting held in a community, as the issue writers look it up."""

    id: str
    comm: str
    day: date


@dataclass
class Funding:
    """One unit-year of delivered funds (a row of fundings.csv)."""

    year: int
    unit_id: str
    community_id: str
    amount: int = 0
    project_id: str | None = None

    @property
    def id(self) -> str:
        return f"F-{self.unit_id}-{self.community_id}-{self.year}"

    def row(self) -> dict[str, object]:
        return {
            "year": self.year,
            "unit_id": self.unit_id,
            "community_id": self.community_id,
            "amount": self.amount,
            "id": self.id,
            "project_id": self.project_id,
        }


@dataclass
class World:
    rng: random.Random
    t: dict[str, int]
    files: Files
    districts: list[tuple[str, str]] = field(default_factory=list)
    streets: dict[str, dict] = field(default_factory=dict)
    comms: list[Comm] = field(default_factory=list)
    by_id: dict[str, Comm] = field(default_factory=dict)
    grid_kind: dict[str, str] = field(default_factory=dict)
    grid_name: dict[str, str] = field(default_factory=dict)
    grid_comm: dict[str, str] = field(default_factory=dict)
    grid_worker: dict[str, str] = field(default_factory=dict)
    compounds: list[Compound] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    pairings: list[tuple[str, str]] = field(default_factory=list)  # (unit, community)
    fundings: list[Funding] = field(default_factory=list)
    cadre_of: dict[str, str] = field(default_factory=dict)  # community -> cadre person
    meetings: dict[str, list[Held]] = field(default_factory=dict)  # kind -> meetings of that kind
    member_people: list[str] = field(default_factory=list)  # award candidates beyond members
    _people: int = 0
    _meetings: int = 0
    _tasks: int = 0
    _issues: int = 0
    _activities: int = 0
    compound_names: names.Unique = field(default_factory=names.Unique)

    @property
    def bpcs(self) -> list[Comm]:
        return [c for c in self.comms if c.bpc]

    def person(self, roles: list[str], *, phone: bool = False) -> str:
        """Writes a new person and returns the id; `phone`: one in a public-facing role, with a
        whole (fictional) work phone."""
        self._people += 1
        pid = person_id(self._people)
        self.files.write(
            "people",
            {
                "id": pid,
                "name": names.person(self.rng),
                "roles": roles,
                "work_phone": names.work_phone(self.rng, pid) if phone else None,
            },
        )
        return pid

    def meeting_id(self) -> str:
        self._meetings += 1
        return f"M-{self._meetings:06d}"

    def department(self, district: str, key: str) -> str:
        return f"D-{district}-{key}"


def person_id(n: int) -> str:
    return f"P-{n:07d}"
