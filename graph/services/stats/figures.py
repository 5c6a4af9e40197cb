"""The figures of the source article (China City News, 2025-05-05; docs/demo-data.md) as data.

Each figure has a `key` (the row `cypher/queries/stats_overview.cypher` returns for it), an
English label, the article's value, its period, and how a graph value is compared with it:
`eq` (equal), `min` (at least: the article writes "1,430+" and the rule "at least 30,000 yuan")
or `max` (at most: a count of rule breaches). Coverage figures are percentages. How each figure
is counted in the graph is written out in docs/demo-data.md and in the query's comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class ArticleFigure:
    key: str
    label: str
    value: float
    period: str
    compare: Literal["eq", "min", "max"] = "eq"
    unit: str = ""


ARTICLE_FIGURES: tuple[ArticleFigure, ...] = (
    ArticleFigure(
        "cadres", "Division-level cadres linked to communities as big-party-committee secretaries", 29, "now"
    ),
    ArticleFigure("bpc_communities", "Communities with a big party committee (urban villages included)", 96, "now"),
    ArticleFigure("bpc_with_cadre", "Big-party-committee communities with a linked cadre as secretary", 96, "now"),
    ArticleFigure("joint_meetings", "Joint meetings held", 452, "since 2024"),
    ArticleFigure("onsite_meetings", "On-site office / coordination meetings", 563, "since 2024"),
    ArticleFigure("difficulties_solved", "Residents' difficulties solved", 1430, "since 2024", "min"),
    ArticleFigure("petitions_resolved", "Petition conflicts resolved", 4650, "since 2024", "min"),
    ArticleFigure("paired_units", "Co-building units paired with communities", 262, "now"),
    ArticleFigure("paired_coverage", "Big-party-committee communities with a paired unit", 96, "now"),
    ArticleFigure("min_unit_funding", "Lowest yearly funding given by a unit", 30000, "rule", "min", "yuan"),
    ArticleFigure("unit_years_below_rule", "Unit-years funded below 30,000 yuan", 0, "rule", "max"),
    ArticleFigure("funding_total", "Co-building funds delivered", 4519500, "since 2024", unit="yuan"),
    ArticleFigure("projects", "Party-building support projects", 35, "since 2024"),
    ArticleFigure("unit_service", "Service by co-building units", 12000, "since 2024", "min", "person-times"),
    ArticleFigure("micro_grids", "Micro-grids (villagers' party groups)", 5200, "now", "min"),
    ArticleFigure("compound_branches", "Compound party branches", 543, "now"),
    ArticleFigure("compound_grids", "Compound grids", 837, "now"),
    ArticleFigure("building_groups", "Building party groups", 5611, "now"),
    ArticleFigure("red_owners_committees", "Red owners' committees", 490, "now"),
    ArticleFigure(
        "red_oc_coverage", "Compounds with an owners' committee whose committee is red", 100, "now", unit="%"
    ),
    ArticleFigure("red_property_companies", "Red property companies", 108, "now"),
    ArticleFigure("red_pc_coverage", "Compounds with a property company managed by a red one", 100, "now", unit="%"),
    ArticleFigure("compounds_without_company", "Compounds without a property company", 574, "now"),
    ArticleFigure(
        "compounds_without_company_managed",
        "Of those, managed by a committee, the residents or the community",
        574,
        "now",
    ),
    ArticleFigure("registered_members", "In-service party members registered online (central city)", 18496, "to date"),
    ArticleFigure("volunteer_participations", "Volunteer participations", 32730, "to date", unit="person-times"),
    ArticleFigure("platform_solved", "Problems solved through the platform", 5000, "to date", "min"),
    ArticleFigure("satisfaction", "Satisfaction rate of platform-solved problems", 99.11, "to date", unit="%"),
    ArticleFigure("evening_talks", "Evening talks held", 438, "since 2024"),
    ArticleFigure("evening_talk_issues", "Issues and suggestions collected at evening talks", 638, "since 2024"),
    ArticleFigure("evening_talk_solved", "Of those, solved", 542, "since 2024"),
    ArticleFigure("awarded_companies", "Outstanding property companies awarded", 15, "2023"),
    ArticleFigure("awarded_individuals", "Outstanding individuals awarded", 117, "2023"),
    ArticleFigure("point_categories", "Two-way point categories", 7, "now"),
    ArticleFigure("point_items", "Two-way point items", 35, "now"),
    ArticleFigure("guidance_documents", "Guidance documents on red property standards", 4, "to date"),
)

BY_KEY: dict[str, ArticleFigure] = {f.key: f for f in ARTICLE_FIGURES}


def matches(figure: ArticleFigure, value: float | None) -> bool:
    """Whether a value computed from the graph agrees with the article (percentages to 2 decimals)."""
    if value is None:
        return False
    v = round(float(value), 2)
    if figure.compare == "min":
        return v >= figure.value
    if figure.compare == "max":
        return v <= figure.value
    return v == round(float(figure.value), 2)
