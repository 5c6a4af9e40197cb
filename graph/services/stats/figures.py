"""The figures of the source article (China City News, 2025-05-05; docs/demo-data.md) as data.

Each figure has a `key` (the row `cypher/queries/stats_overview.cypher` returns for it), a
Chinese and an English label, the article's value, its period, and how a graph value is compared
with it: `eq` (equal), `min` (at least: the article writes "1,430+" and the rule "at least 30,000
yuan") or `max` (at most: a count of rule breaches). Coverage figures are percentages. How each
figure is counted in the graph is written out in docs/demo-data.md and in the query's comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from graph.core.language import say

PERIODS = {"now": ("现在", "now"), "since 2024": ("2024年以来", "since 2024"), "to date": ("截至目前", "to date"),
           "2023": ("2023年", "2023"), "rule": ("规定", "rule")}  # fmt: skip
UNITS = {"": ("", ""), "yuan": ("元", "yuan"), "%": ("%", "%"), "person-times": ("人次", "person-times")}


@dataclass(frozen=True)
class ArticleFigure:
    key: str
    label_zh: str
    label_en: str
    value: float
    period: str
    compare: Literal["eq", "min", "max"] = "eq"
    unit: str = ""

    @property
    def label(self) -> str:
        return say(self.label_zh, self.label_en)

    @property
    def period_label(self) -> str:
        return say(*PERIODS[self.period])

    @property
    def unit_label(self) -> str:
        return say(*UNITS[self.unit])


ARTICLE_FIGURES: tuple[ArticleFigure, ...] = (
    ArticleFigure(
        "cadres",
        "挂钩联系社区、任大党委书记的处级干部",
        "Division-level cadres linked to communities as big-party-committee secretaries",
        29,
        "now",
    ),
    ArticleFigure(
        "bpc_communities",
        "建立大党委的社区（含城中村）",
        "Communities with a big party committee (urban villages included)",
        96,
        "now",
    ),
    ArticleFigure(
        "bpc_with_cadre",
        "由挂钩干部任书记的大党委社区",
        "Big-party-committee communities with a linked cadre as secretary",
        96,
        "now",
    ),
    ArticleFigure("joint_meetings", "召开联席会议", "Joint meetings held", 452, "since 2024"),
    ArticleFigure(
        "onsite_meetings", "推动现场办公、协调会", "On-site office / coordination meetings", 563, "since 2024"
    ),
    ArticleFigure(
        "difficulties_solved", "解决群众急难愁盼问题", "Residents' difficulties solved", 1430, "since 2024", "min"
    ),
    ArticleFigure("petitions_resolved", "化解信访矛盾", "Petition conflicts resolved", 4650, "since 2024", "min"),
    ArticleFigure("paired_units", "与社区结对共建的单位", "Co-building units paired with communities", 262, "now"),
    ArticleFigure(
        "paired_coverage", "有结对单位的大党委社区", "Big-party-committee communities with a paired unit", 96, "now"
    ),
    ArticleFigure(
        "min_unit_funding",
        "单位每年最低共建资金",
        "Lowest yearly funding given by a unit",
        30000,
        "rule",
        "min",
        "yuan",
    ),
    ArticleFigure(
        "unit_years_below_rule", "低于3万元的单位年度数", "Unit-years funded below 30,000 yuan", 0, "rule", "max"
    ),
    ArticleFigure("funding_total", "落实共建资金", "Co-building funds delivered", 4519500, "since 2024", "eq", "yuan"),
    ArticleFigure("projects", "党建帮扶项目", "Party-building support projects", 35, "since 2024"),
    ArticleFigure(
        "unit_service", "共建单位服务群众", "Service by co-building units", 12000, "since 2024", "min", "person-times"
    ),
    ArticleFigure("micro_grids", "微格（村民党小组）", "Micro-grids (villagers' party groups)", 5200, "now", "min"),
    ArticleFigure("compound_branches", "小区党支部", "Compound party branches", 543, "now"),
    ArticleFigure("compound_grids", "小区网格", "Compound grids", 837, "now"),
    ArticleFigure("building_groups", "楼栋党小组", "Building party groups", 5611, "now"),
    ArticleFigure("red_owners_committees", "红色业委会", "Red owners' committees", 490, "now"),
    ArticleFigure(
        "red_oc_coverage",
        "有业委会的小区中红色业委会覆盖率",
        "Compounds with an owners' committee whose committee is red",
        100,
        "now",
        "eq",
        "%",
    ),
    ArticleFigure("red_property_companies", "红色物业企业", "Red property companies", 108, "now"),
    ArticleFigure(
        "red_pc_coverage",
        "有物业企业的小区中红色物业覆盖率",
        "Compounds with a property company managed by a red one",
        100,
        "now",
        "eq",
        "%",
    ),
    ArticleFigure("compounds_without_company", "无物业小区", "Compounds without a property company", 574, "now"),
    ArticleFigure(
        "compounds_without_company_managed",
        "其中由物管会、居民自治或社区兜底管理",
        "Of those, managed by a committee, the residents or the community",
        574,
        "now",
    ),
    ArticleFigure(
        "registered_members",
        "在职党员云端报到（中心城区）",
        "In-service party members registered online (central city)",
        18496,
        "to date",
    ),
    ArticleFigure(
        "volunteer_participations", "参与志愿服务", "Volunteer participations", 32730, "to date", "eq", "person-times"
    ),
    ArticleFigure(
        "platform_solved", "通过平台解决问题", "Problems solved through the platform", 5000, "to date", "min"
    ),
    ArticleFigure(
        "satisfaction",
        "平台解决问题满意率",
        "Satisfaction rate of platform-solved problems",
        99.11,
        "to date",
        "eq",
        "%",
    ),
    ArticleFigure("evening_talks", "召开居民夜谈会", "Evening talks held", 438, "since 2024"),
    ArticleFigure(
        "evening_talk_issues",
        "夜谈会收集问题建议",
        "Issues and suggestions collected at evening talks",
        638,
        "since 2024",
    ),
    ArticleFigure("evening_talk_solved", "其中已解决", "Of those, solved", 542, "since 2024"),
    ArticleFigure("awarded_companies", "表彰优秀物业企业", "Outstanding property companies awarded", 15, "2023"),
    ArticleFigure("awarded_individuals", "表彰优秀个人", "Outstanding individuals awarded", 117, "2023"),
    ArticleFigure("point_categories", "双向积分类别", "Two-way point categories", 7, "now"),
    ArticleFigure("point_items", "双向积分项目", "Two-way point items", 35, "now"),
    ArticleFigure(
        "guidance_documents", "红色物业标准指导文件", "Guidance documents on red property standards", 4, "to date"
    ),
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
