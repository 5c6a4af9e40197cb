"""The six analyses of docs/analytics.md on an area's co-building network (projection.project).

Each takes the networkx graph (or, for escalation flow, the issues' steps) and gives an `Analysis`:
rows of plain values with stable English keys, and a summary. They are pure functions of their
input, so the tests build networks by hand and check the answers worked out in the test.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import networkx as nx
from networkx.algorithms import community as nx_community
from pydantic import BaseModel, Field

from graph.core.moments import local
from graph.services.analytics.measures import LEVELS, gini, share
from graph.services.analytics.projection import of_label, sources, targets

SEED = 42  # every sampled or randomized step uses this seed: the same network gives the same answer
EXACT_BELOW = 2_000  # betweenness is exact on networks of fewer nodes, sampled with BRIDGING_SAMPLES above
BRIDGING_SAMPLES = 500
SKELETON = ("Unit", "Person", "Community", "Grid", "Activity", "Project")


class Analysis(BaseModel):
    name: str = Field(
        description="the analysis: bridging, points_of_failure, workload, clusters, escalation_flow, coverage"
    )
    under: str = Field(description="the area's code")
    summary: dict[str, Any] = Field(default_factory=dict)
    rows: list[dict[str, Any]] = Field(default_factory=list)


def _name(g: nx.MultiDiGraph, n: str) -> str | None:
    return g.nodes[n].get("name")


def skeleton(g: nx.MultiDiGraph) -> nx.Graph:
    """Units, cadres, communities, grids, activities and projects, undirected, one edge per pair."""
    keep = [n for n, d in g.nodes(data=True) if d.get("label") in SKELETON]
    return nx.Graph(g.subgraph(keep))


# --- bridging ------------------------------------------------------------------------------------
def bridging(g: nx.MultiDiGraph, *, limit: int = 20) -> Analysis:
    """Who sits on the shortest paths between others (betweenness centrality, normalized)."""
    sk = skeleton(g)
    n = sk.number_of_nodes()
    exact = n < EXACT_BELOW
    k = None if exact else min(BRIDGING_SAMPLES, n)
    scores = nx.betweenness_centrality(sk, k=k, normalized=True, seed=None if exact else SEED)
    ranked = sorted(
        (
            (v, node)
            for node, v in scores.items()
            if v > 0 and g.nodes[node].get("label") in ("Unit", "Person", "Community")
        ),
        key=lambda t: (-t[0], t[1]),
    )
    rows = [
        {"id": node, "label": g.nodes[node]["label"], "name": _name(g, node), "betweenness": round(v, 4)}
        for v, node in ranked[:limit]
    ]
    return Analysis(
        name="bridging",
        under=g.graph.get("area", ""),
        summary={
            "nodes": n,
            "edges": sk.number_of_edges(),
            "exact": exact,
            "samples": k,
            "seed": None if exact else SEED,
        },
        rows=rows,
    )


# --- points of failure ---------------------------------------------------------------------------
def grid_covers(g: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Each grid's covering units: those that COVER it and those PAIRED_WITH its community."""
    out: dict[str, set[str]] = {}
    for grid in of_label(g, "Grid"):
        units = sources(g, grid, "COVERS", "Unit")
        for community in targets(g, grid, "PART_OF", "Community"):
            units |= sources(g, community, "PAIRED_WITH", "Unit")
        out[grid] = units
    return out


def community_cadres(g: nx.MultiDiGraph) -> dict[str, set[str]]:
    return {c: sources(g, c, "LINKED_TO", "Person") for c in of_label(g, "Community")}


def points_of_failure(g: nx.MultiDiGraph) -> Analysis:
    """Units whose loss leaves grids uncovered, cadres whose loss leaves communities without a
    linked cadre, and the units and cadres that are articulation points of the network."""
    rows: list[dict[str, Any]] = []
    sole: dict[str, list[str]] = defaultdict(list)
    for grid, units in grid_covers(g).items():
        if len(units) == 1:
            sole[next(iter(units))].append(grid)
    for unit, grids in sorted(sole.items()):
        rows.append(
            {"id": unit, "label": "Unit", "name": _name(g, unit), "kind": "sole_cover", "leaves": sorted(grids)}
        )
    lone: dict[str, list[str]] = defaultdict(list)
    for community, cadres in community_cadres(g).items():
        if len(cadres) == 1:
            lone[next(iter(cadres))].append(community)
    for person, communities in sorted(lone.items()):
        rows.append(
            {
                "id": person,
                "label": "Person",
                "name": _name(g, person),
                "kind": "sole_cadre",
                "leaves": sorted(communities),
            }
        )
    sk = skeleton(g)
    for node in sorted(nx.articulation_points(sk)):
        label = g.nodes[node]["label"]
        if label not in ("Unit", "Person"):
            continue
        rest = sk.copy()
        rest.remove_node(node)
        parts = sorted(nx.connected_components(rest), key=len)
        cut_off = sorted(x for part in parts[:-1] for x in part if g.nodes[x]["label"] == "Community")
        rows.append({"id": node, "label": label, "name": _name(g, node), "kind": "articulation", "leaves": cut_off})
    kinds = Counter(r["kind"] for r in rows)
    return Analysis(
        name="points_of_failure", under=g.graph.get("area", ""), summary=dict(sorted(kinds.items())), rows=rows
    )


# --- workload ------------------------------------------------------------------------------------
def _open_issues(g: nx.MultiDiGraph, places: Iterable[str]) -> int:
    issues: set[str] = set()
    for place in places:
        issues |= sources(g, place, "LOCATED_IN", "Issue")
    return len(issues)


def _load(g: nx.MultiDiGraph, communities: set[str], grids: set[str]) -> dict[str, int]:
    compounds: set[str] = set()
    for grid in grids:
        compounds |= sources(g, grid, "IN_GRID", "Compound")
    return {
        "communities": len(communities),
        "grids": len(grids),
        "compounds": len(compounds),
        "open_issues": _open_issues(g, communities | grids),
    }


def workload(g: nx.MultiDiGraph) -> Analysis:
    """Per cadre (the communities linked to, their grids) and per unit (the communities paired
    with, the grids covered directly or through a pairing): communities, grids, compounds in those
    grids and open issues there; the Gini coefficient of each across cadres and across units."""
    covers = grid_covers(g)
    rows: list[dict[str, Any]] = []
    for person in of_label(g, "Person"):
        communities = targets(g, person, "LINKED_TO", "Community")
        if not communities:
            continue
        grids = {x for c in communities for x in sources(g, c, "PART_OF", "Grid")}
        rows.append({"id": person, "label": "Person", "name": _name(g, person), **_load(g, communities, grids)})
    for unit in of_label(g, "Unit"):
        communities = targets(g, unit, "PAIRED_WITH", "Community")
        grids = {grid for grid, units in covers.items() if unit in units}
        rows.append({"id": unit, "label": "Unit", "name": _name(g, unit), **_load(g, communities, grids)})
    summary: dict[str, Any] = {}
    for label, who in (("Person", "cadres"), ("Unit", "units")):
        mine = [r for r in rows if r["label"] == label]
        summary[who] = len(mine)
        for col in ("communities", "grids", "compounds", "open_issues"):
            summary[f"gini_{col}_{who}"] = gini([r[col] for r in mine])
    return Analysis(name="workload", under=g.graph.get("area", ""), summary=summary, rows=rows)


# --- clusters ------------------------------------------------------------------------------------
def touched(g: nx.MultiDiGraph, unit: str) -> set[str]:
    """The communities a unit works in: paired with, covering a grid of, organizing an activity
    in, supporting a project for."""
    out = targets(g, unit, "PAIRED_WITH", "Community")
    for grid in targets(g, unit, "COVERS", "Grid"):
        out |= targets(g, grid, "PART_OF", "Community")
    for activity in targets(g, unit, "ORGANIZED", "Activity"):
        out |= targets(g, activity, "IN", "Community")
    for project in targets(g, unit, "SUPPORTS", "Project"):
        out |= targets(g, project, "FOR", "Community")
    return out


def co_operation(g: nx.MultiDiGraph) -> nx.Graph:
    """Units, an edge between two that work in a community in common, weighted by how many."""
    work = {u: touched(g, u) for u in of_label(g, "Unit")}
    net: nx.Graph[str] = nx.Graph()
    net.add_nodes_from(work)
    units = sorted(work)
    for i, a in enumerate(units):
        for b in units[i + 1 :]:
            shared = work[a] & work[b]
            if shared:
                net.add_edge(a, b, weight=len(shared))
    return net


def clusters(g: nx.MultiDiGraph) -> Analysis:
    """Groups of units that work together (Louvain on the co-operation network, fixed seed)."""
    net = co_operation(g)
    found = nx_community.louvain_communities(net, weight="weight", seed=SEED) if net.number_of_nodes() else []
    groups = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))
    rows = []
    for i, members in enumerate(groups, 1):
        shared = set.union(*(touched(g, u) for u in members)) if members else set()
        rows.append(
            {
                "cluster": i,
                "units": members,
                "names": [_name(g, u) for u in members],
                "communities": sorted(shared),
            }
        )
    modularity = round(nx_community.modularity(net, found, weight="weight"), 4) if net.number_of_edges() else 0.0
    return Analysis(
        name="clusters",
        under=g.graph.get("area", ""),
        summary={
            "units": net.number_of_nodes(),
            "links": net.number_of_edges(),
            "clusters": len(groups),
            "modularity": modularity,
            "seed": SEED,
        },
        rows=rows,
    )


# --- coverage ------------------------------------------------------------------------------------
def coverage(g: nx.MultiDiGraph) -> Analysis:
    """Shares covered at each level, beside the article's claim of 100%: grids with a covering unit
    (directly or through a pairing), compounds in such grids, communities with a paired unit and
    communities with a linked cadre."""
    covers = grid_covers(g)
    covered_grids = {grid for grid, units in covers.items() if units}
    compounds = of_label(g, "Compound")
    covered_compounds = [k for k in compounds if targets(g, k, "IN_GRID", "Grid") & covered_grids]
    communities = of_label(g, "Community")
    paired = [c for c in communities if sources(g, c, "PAIRED_WITH", "Unit")]
    cadres = [c for c in communities if sources(g, c, "LINKED_TO", "Person")]
    measures = (
        ("grids_covered", len(covered_grids), len(covers)),
        ("compounds_covered", len(covered_compounds), len(compounds)),
        ("communities_paired", len(paired), len(communities)),
        ("communities_with_cadre", len(cadres), len(communities)),
    )
    rows = [
        {
            "measure": m,
            "covered": part,
            "total": whole,
            "share": share(part, whole),
            "article": 100.0,
            "gap": whole - part,
        }
        for m, part, whole in measures
    ]
    return Analysis(
        name="coverage", under=g.graph.get("area", ""), summary={"communities": len(communities)}, rows=rows
    )


# --- escalation flow -----------------------------------------------------------------------------
def quarter(moment: datetime) -> str:
    t = local(moment)
    return f"{t.year}-Q{(t.month - 1) // 3 + 1}"


def escalation_flow(issues: list[dict[str, Any]], *, under: str, as_of: datetime) -> Analysis:
    """How issues moved up the levels (grid -> community -> street -> district) and where they were
    resolved, by category and by the quarter they were reported in (Beijing time), counting only
    steps at or before `as_of`. One row per (category, quarter, source, target): source a level,
    target the next level reached by an escalation, or `resolved`, or `open` where the issue stands."""
    flows: Counter[tuple[str, str, str, str]] = Counter()
    for issue in issues:
        category, when = issue["category"] or "", quarter(issue["reported_at"])
        level, resolved = None, False
        for step in issue["steps"]:
            if step["action"] == "filed":
                level = step["level"]
            elif step["action"] in ("escalated", "accepted") and level is not None and step["level"] != level:
                if LEVELS.index(step["level"]) > LEVELS.index(level):
                    flows[(category, when, level, step["level"])] += 1
                level = step["level"]
            elif step["action"] == "escalated" and level is None:
                level = step["level"]
            elif step["action"] == "resolved":
                level, resolved = step["level"], True
            elif step["action"] == "reopened":
                resolved = False
        if level is not None:
            flows[(category, when, level, "resolved" if resolved else "open")] += 1
    rows = [
        {"category": c, "quarter": q, "source": s, "target": t, "issues": n}
        for (c, q, s, t), n in sorted(flows.items())
    ]
    resolved_at: Counter[str] = Counter()
    for (_, _, source, target), n in flows.items():
        if target == "resolved":
            resolved_at[source] += n
    return Analysis(
        name="escalation_flow",
        under=under,
        summary={
            "as_of": local(as_of).isoformat(),
            "issues": len(issues),
            "resolved_at": {lv: resolved_at.get(lv, 0) for lv in LEVELS},
        },
        rows=rows,
    )
