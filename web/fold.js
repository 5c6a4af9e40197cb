// Folding: a community picture's buildings and building party groups fold into their compound,
// which then carries a count badge; opening the compound shows them again.

/** Map child key -> parent key: every building (IN a compound) and every building party group (a
 *  PartyOrg of kind building_group SERVING a folded building) to its compound, every micro-grid to
 *  its grid, in the graph JSON `g`. */
export function foldMap(g) {
  const byKey = new Map(g.nodes.map((n) => [n.id, n]));
  const into = new Map();
  for (const l of g.links) {
    const s = byKey.get(l.source), t = byKey.get(l.target);
    if (l.type === "IN" && s && t && s.label === "Building" && t.label === "Compound") into.set(s.id, t.id);
    if (l.type === "PART_OF" && s && t && s.label === "MicroGrid" && t.label === "Grid") into.set(s.id, t.id);
  }
  for (const l of g.links) {
    const s = byKey.get(l.source);
    if (l.type === "SERVES" && s && s.label === "PartyOrg" && s.properties.kind === "building_group" && into.has(l.target)) {
      into.set(s.id, into.get(l.target));
    }
  }
  return into;
}

/** Per parent key, how many buildings, building groups and micro-grids fold into it. */
export function foldCounts(into, nodesByKey) {
  const counts = new Map();
  for (const [child, parent] of into) {
    const c = counts.get(parent) || { buildings: 0, groups: 0, microGrids: 0 };
    const label = (nodesByKey.get(child) || {}).label;
    if (label === "Building") c.buildings += 1; else if (label === "MicroGrid") c.microGrids += 1; else c.groups += 1;
    counts.set(parent, c);
  }
  return counts;
}
