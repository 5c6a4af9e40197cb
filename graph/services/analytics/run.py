"""One analysis by name on one area: the network read, the analysis run, the read audited as an
export (docs/security.md: analytics and exports are analyst reads, logged as "export")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal

import networkx as nx

from graph.catalogue import reads
from graph.core.audit import audited
from graph.core.store import Store
from graph.services.analytics import analyses
from graph.services.analytics.analyses import Analysis
from graph.services.analytics.projection import project
from graph.services.areas import resolve_area
from graph.services.scope import SCOPE_LABELS

Name = Literal["bridging", "points_of_failure", "workload", "clusters", "escalation_flow", "coverage"]
ON_NETWORK: dict[str, Callable[[nx.MultiDiGraph], Analysis]] = {
    "bridging": analyses.bridging,
    "points_of_failure": analyses.points_of_failure,
    "workload": analyses.workload,
    "clusters": analyses.clusters,
    "coverage": analyses.coverage,
}
NAMES: tuple[str, ...] = ("bridging", "points_of_failure", "workload", "clusters", "escalation_flow", "coverage")


def analyze(store: Store, name: Name, *, under: str, as_of: datetime) -> Analysis:
    with audited("export", {"export": "analytics", "analysis": name, "under": under}):
        if name == "escalation_flow":
            area = resolve_area(store, under, labels=SCOPE_LABELS, field="under")
            issues = reads.read("analytics_issue_flow", {"under": area.id, "as_of": as_of}, store=store).native_rows()
            return analyses.escalation_flow(issues, under=area.id, as_of=as_of)
        return ON_NETWORK[name](project(store, under))
