"""Coverage and rule gaps (GET /gaps/{kind}): one catalogue query `gap_<kind>` per kind, paged."""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from graph.catalogue import reads
from graph.catalogue.paging import Page, fetch_page
from graph.core.errors import ParamError
from graph.core.moments import now
from graph.core.store import Store
from graph.model.enums import CommunityKind, GridKind, PropertyMode

_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")


def _example(**kw) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [kw]})


class CommunityGap(BaseModel):
    model_config = _example(
        community_id="350802006002",
        community_name="天马社区",
        kind="community",
        street_id="350802006",
        street_name="曹溪街道",
        has_big_party_committee=True,
    )
    community_id: str
    community_name: str | None
    kind: CommunityKind | None
    street_id: str | None
    street_name: str | None
    has_big_party_committee: bool


class GridGap(BaseModel):
    model_config = _example(
        grid_id="G-350802006002-01",
        grid_name="天马社区第一网格",
        grid_kind="compound",
        community_id="350802006002",
        community_name="天马社区",
        has_big_party_committee=True,
    )
    grid_id: str
    grid_name: str | None
    grid_kind: GridKind | None
    community_id: str | None
    community_name: str | None
    has_big_party_committee: bool


class CompoundGap(BaseModel):
    model_config = _example(
        compound_id="C-350802006002-01",
        compound_name="天马花园",
        property_mode="company",
        reason="property mode is company, but no property company manages it",
        grid_id="G-350802006002-01",
        community_id="350802006002",
        community_name="天马社区",
    )
    compound_id: str
    compound_name: str | None
    property_mode: PropertyMode | None
    reason: str
    grid_id: str | None
    community_id: str | None
    community_name: str | None


class MissedMeeting(BaseModel):
    model_config = _example(
        committee_id="PO-BPC-350802006002",
        committee_name="天马社区大党委",
        community_id="350802006002",
        community_name="天马社区",
        quarter="2024-Q3",
        meetings_in_range=3,
    )
    committee_id: str
    committee_name: str | None
    community_id: str | None
    community_name: str | None
    quarter: str = Field(description="the quarter without a joint meeting, 'YYYY-Qn'")
    meetings_in_range: int = Field(description="joint meetings the committee held in the whole range asked for")


class BelowMinimum(BaseModel):
    model_config = _example(
        unit_id="U-0001",
        unit_name="龙岩市财政局",
        community_id="350802006002",
        community_name="天马社区",
        year=2024,
        amount=20000,
        minimum=30000,
        shortfall=10000,
    )
    unit_id: str
    unit_name: str | None
    community_id: str
    community_name: str | None
    year: int
    amount: int = Field(description="yuan the unit gave the community that year")
    minimum: int = Field(description="yuan a year the pairing requires")
    shortfall: int


class OverloadedCadre(BaseModel):
    model_config = _example(
        person_id="P-000001",
        person_name="张伟",
        communities=5,
        community_ids=["350802006001", "350802006002"],
        community_names=["龙腾社区", "天马社区"],
    )
    person_id: str
    person_name: str | None
    communities: int
    community_ids: list[str]
    community_names: list[str | None]


def _page(model, name: str, params: dict, *, store: Store, limit: int, offset: int):
    rows, nxt = fetch_page(name, params, store=store, limit=limit, offset=offset)
    return Page[model](items=[model(**r) for r in rows], limit=limit, offset=offset, next_offset=nxt)


def communities_without_unit(
    *, store: Store, with_committee_only: bool = True, limit: int = 100, offset: int = 0
) -> Page[CommunityGap]:
    return _page(
        CommunityGap,
        "gap_communities_without_unit",
        {"with_committee_only": with_committee_only},
        store=store,
        limit=limit,
        offset=offset,
    )


def grids_uncovered(
    *, store: Store, with_committee_only: bool = True, community: str | None = None, limit: int = 100, offset: int = 0
) -> Page[GridGap]:
    return _page(
        GridGap,
        "gap_grids_uncovered",
        {"with_committee_only": with_committee_only, "community": community},
        store=store,
        limit=limit,
        offset=offset,
    )


def compounds_unmanaged(
    *, store: Store, community: str | None = None, limit: int = 100, offset: int = 0
) -> Page[CompoundGap]:
    params = {"community": community}
    return _page(CompoundGap, "gap_compounds_unmanaged", params, store=store, limit=limit, offset=offset)


def quarter(field: str, value: str | None) -> str | None:
    """'2024Q3' or '2024-Q3' as '2024-Q3'; UserError naming the field otherwise."""
    if value is None:
        return None
    m = _QUARTER.match(value.strip())
    if not m:
        raise ParamError(field, f"{value!r} is not a quarter; write it as 2024-Q3")
    return f"{m.group(1)}-Q{m.group(2)}"


class MissedMeetingsPage(Page[MissedMeeting]):
    as_of: date = Field(description="the day quarters 'not begun yet' were judged at (default: the data's last day)")


def data_last_date(store: Store) -> date | None:
    """The last day the data holds anything for (meetings, activities, issue steps)."""
    return reads.rows("data_last_date", store=store)[0]["last"]


def missed_joint_meetings(
    *,
    store: Store,
    year: int | None = None,
    from_quarter: str | None = None,
    to_quarter: str | None = None,
    as_of: date | None = None,
    community: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> MissedMeetingsPage:
    q0, q1 = quarter("from", from_quarter), quarter("to", to_quarter)
    if q1 and not q0:
        raise ParamError("from", "give the first quarter too when you give `to`")
    if q0 and year is not None:
        raise ParamError("year", "give either year or from/to quarters, not both")
    if q0 and q1 and q1 < q0:
        raise ParamError("to", f"{q1} comes before {q0}")
    day = as_of or data_last_date(store) or now().date()
    params = {"year": year, "from_quarter": q0, "to_quarter": q1, "as_of": day, "community": community}
    rows, nxt = fetch_page("gap_missed_joint_meetings", params, store=store, limit=limit, offset=offset)
    return MissedMeetingsPage(
        items=[MissedMeeting(**r) for r in rows], limit=limit, offset=offset, next_offset=nxt, as_of=day
    )


def units_below_minimum(
    *, store: Store, year: int, minimum: int = 30000, community: str | None = None, limit: int = 100, offset: int = 0
) -> Page[BelowMinimum]:
    return _page(
        BelowMinimum,
        "gap_units_below_minimum",
        {"year": year, "minimum": minimum, "community": community},
        store=store,
        limit=limit,
        offset=offset,
    )


def cadres_overloaded(*, store: Store, n: int = 3, limit: int = 100, offset: int = 0) -> Page[OverloadedCadre]:
    return _page(OverloadedCadre, "gap_cadres_overloaded", {"n": n}, store=store, limit=limit, offset=offset)


KINDS = {
    "communities_without_unit": communities_without_unit,
    "grids_uncovered": grids_uncovered,
    "compounds_unmanaged": compounds_unmanaged,
    "missed_joint_meetings": missed_joint_meetings,
    "units_below_minimum": units_below_minimum,
    "cadres_overloaded": cadres_overloaded,
}
