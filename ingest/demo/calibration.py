"""What the demo generator aims at: the article's figures (graph.services.stats.figures) plus the detail the
article leaves open, for the xinluo tier; scaled in proportion for the benchmark tiers.

Every count here is exact for xinluo. The invented ones (total compounds, grids, issues still
open, 2023 history, ...) are chosen to be plausible and are listed in docs/demo-data.md.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from graph.services.stats.figures import BY_KEY

# The demo is Beijing data: its times carry +08:00 whatever GRASSROOTS_TZ says.
CST = timezone(timedelta(hours=8))

# tier -> the division code it covers
TIERS: dict[str, str] = {"xinluo": "350802", "longyan": "3508", "fujian": "35"}
XINLUO_COMMUNITIES = 358

# The period the article counts from ("since 2024", "since last year"), the data's "now" (the
# article is dated 2025-05-05; the demo stops at the end of April) and the start of the history.
SINCE = date(2024, 1, 1)
AS_OF = date(2025, 4, 30)
HISTORY_START = date(2023, 1, 1)
AWARD_YEAR = 2023
MIN_FUNDING = 30_000
FUNDING_STEP = 500  # amounts are whole multiples of 500 yuan
SATISFIED = 4  # a rating of 4 or 5 (of 5) counts as satisfied


def _fig(key: str) -> int:
    return int(BY_KEY[key].value)


XINLUO: dict[str, int] = {
    # --- areas ---
    "bpc": _fig("bpc_communities"),  # 76 communities + 20 urban villages in Xinluo
    "compound_grids": _fig("compound_grids"),
    "villagers_groups": 1700,  # villagers' group grids over the 282 villages
    "other_grids": 40,  # markets, schools, industrial parks
    "micro_grids": _fig("micro_grids"),
    "company_compounds": 426,  # compounds with a property company
    "compounds_without_company": _fig("compounds_without_company"),
    "compound_branches": _fig("compound_branches"),
    "branch_buildings": 5430,  # buildings of the compounds that have a branch
    "other_buildings": 1600,  # buildings of the other compounds
    "building_groups": _fig("building_groups"),
    "red_ocs": _fig("red_owners_committees"),
    "red_pcs": _fig("red_property_companies"),
    # --- cadres, units, money ---
    "cadres": _fig("cadres"),
    "units": _fig("paired_units"),
    "second_pairings": 50,  # units paired with a second community
    "funding_total": _fig("funding_total"),
    "funding_rows_2023": 20,  # history before the period (not counted)
    "funding_rows_2024": 110,  # unit-years that delivered funds in 2024
    "funding_rows_2025": 35,  # ... and in 2025 (to the end of April)
    "projects": _fig("projects"),
    # --- meetings ---
    "joint_meetings": _fig("joint_meetings"),
    "joint_meetings_2023": 40,
    "onsite_meetings": _fig("onsite_meetings"),
    "evening_talks": _fig("evening_talks"),
    "evening_talks_2023": 25,
    # --- issues ---
    "evening_issues": _fig("evening_talk_issues"),
    "evening_solved": _fig("evening_talk_solved"),
    "evening_issues_2023": 35,
    "difficulties_solved": _fig("difficulties_solved"),
    "difficulties_open": 110,
    "difficulties_2023": 60,
    "petitions_resolved": _fig("petitions_resolved"),
    "petitions_open": 150,
    "petitions_withdrawn": 20,
    "petitions_2023": 200,
    "platform_solved": _fig("platform_solved"),
    "platform_open": 200,
    "platform_rated": 4500,  # residents who rated a platform-solved problem
    # --- people and activities ---
    "registered": _fig("registered_members"),
    "participations": _fig("volunteer_participations"),
    "unit_service": _fig("unit_service"),
    "unit_activities": 500,
    "unit_service_2023": 400,
    "unit_activities_2023": 20,
    "community_activities": 900,
    "point_earnings": 3000,
    "point_redemptions": 400,
    "awarded_companies": _fig("awarded_companies"),
    "awarded_individuals": _fig("awarded_individuals"),
    "awarded_units_2024": 20,
    "awarded_individuals_2024": 40,
}

# Counts that stay the same on every tier (vocabularies, documents).
FIXED: dict[str, int] = {"point_categories": 7, "point_items": 35, "guidance_documents": 4}
SATISFACTION = BY_KEY["satisfaction"].value / 100


def targets(tier: str, n_communities: int) -> dict[str, int]:
    """The counts for a tier: xinluo's exactly, the others scaled by communities / 358."""
    if tier == "xinluo":
        t = dict(XINLUO)
    else:
        f = n_communities / XINLUO_COMMUNITIES
        t = {k: max(1, round(v * f)) for k, v in XINLUO.items()}
        t["funding_total"] = round(XINLUO["funding_total"] * f / FUNDING_STEP) * FUNDING_STEP
        t["bpc"] = min(t["bpc"], n_communities)
        # keep the structural sums consistent after rounding
        t["evening_solved"] = min(t["evening_solved"], t["evening_issues"])
    t.update(FIXED)
    t["platform_satisfied"] = round(t["platform_rated"] * SATISFACTION)
    return t


def at(d: date, hour: int = 9, minute: int = 0) -> datetime:
    """A Beijing-time timestamp on day `d`."""
    return datetime.combine(d, time(hour, minute), tzinfo=CST)
