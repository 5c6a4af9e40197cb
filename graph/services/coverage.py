"""Which units cover a grid, and which grids a unit covers: directly (COVERS) or through pairing
(PAIRED_WITH the grid's community). Catalogue queries grid_units and unit_grids."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.catalogue.paging import Page, fetch_page, require
from graph.core.store import Store
from graph.model.enums import GridKind, UnitKind, UnitLevel

Via = Literal["direct", "pairing"]


class GridUnit(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "unit_id": "U-0001",
                    "unit_name": "龙岩市财政局",
                    "kind": "agency",
                    "level": "city",
                    "via": "pairing",
                    "since": "2024-01-01",
                    "community_id": "350802006002",
                }
            ]
        }
    )
    unit_id: str
    unit_name: str | None
    kind: UnitKind | None = Field(description="agency, soe, institution or enterprise")
    level: UnitLevel | None = Field(description="city or district")
    via: Via = Field(description="direct: the unit COVERS the grid; pairing: it is PAIRED_WITH the grid's community")
    since: date | None
    community_id: str | None = Field(description="for a pairing, the community paired")


class UnitGrid(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "grid_id": "G-350802006002-01",
                    "grid_name": "天马社区第一网格",
                    "grid_kind": "compound",
                    "community_id": "350802006002",
                    "community_name": "天马社区",
                    "via": "pairing",
                    "since": "2024-01-01",
                }
            ]
        }
    )
    grid_id: str
    grid_name: str | None
    grid_kind: GridKind | None
    community_id: str | None
    community_name: str | None
    via: Via
    since: date | None


def grid_units(*, store: Store, grid_id: str, limit: int = 100, offset: int = 0) -> Page[GridUnit]:
    rows, nxt = fetch_page("grid_units", {"grid_id": grid_id}, store=store, limit=limit, offset=offset)
    if not rows:
        require(store, label="Grid", id=grid_id)
    return Page[GridUnit](items=[GridUnit(**r) for r in rows], limit=limit, offset=offset, next_offset=nxt)


def unit_grids(*, store: Store, unit_id: str, limit: int = 100, offset: int = 0) -> Page[UnitGrid]:
    rows, nxt = fetch_page("unit_grids", {"unit_id": unit_id}, store=store, limit=limit, offset=offset)
    if not rows:
        require(store, label="Unit", id=unit_id)
    return Page[UnitGrid](items=[UnitGrid(**r) for r in rows], limit=limit, offset=offset, next_offset=nxt)
