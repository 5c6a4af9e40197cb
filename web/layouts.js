// Where the two domain pictures put their nodes (the library's own layouts do every other view):
// - lanes(): a community picture as columns side by side (party line, areas, administrative line,
//   units and cadres) and rows by tier (district at the top, compounds and buildings at the bottom),
//   each cell wrapping into rows so the picture keeps a screen's shape at any size;
// - timeline(): an issue's trail with the levels as lanes (grid at the top, district at the bottom)
//   and the steps left to right in order.
// Both return Map(key -> {x, y}) plus the lanes' boxes for the page to label.

export const LANES = ["party", "area", "admin", "partners"];
const PER_ROW = { party: 1, area: 7, admin: 1, partners: 1 };

const AREA_TIER = { District: 0, Street: 1, Community: 2, Grid: 3, MicroGrid: 4, Compound: 5, Building: 6 };
const ORG_TIER = { street_working_committee: 1, street_office: 1, community_committee: 2, big_party_committee: 2,
                   residents_committee: 2, villagers_committee: 2, compound_branch: 5, building_group: 6 };
const COMPOUND_ORGS = ["PropertyCompany", "OwnersCommittee", "PropertyMgmtCommittee"];

export function laneOf(n) {
  if (n.label in AREA_TIER) return "area";
  if (n.label === "PartyOrg") return "party";
  if (n.label === "AdminOrg" || COMPOUND_ORGS.includes(n.label)) return "admin";
  return "partners";
}

export function tierOf(n) {
  if (n.label in AREA_TIER) return AREA_TIER[n.label];
  if (n.properties && n.properties.kind in ORG_TIER) return ORG_TIER[n.properties.kind];
  if (COMPOUND_ORGS.includes(n.label)) return 5;
  return 2;  // units, cadres, other members: beside the community
}

/** The node a node is stacked under: a compound's party branch, property company, owners' or
 *  management committee, buildings and their party groups under the compound; micro-grids under
 *  their grid. null: the node heads a column of its own. */
function stackParent(n, byKey, out) {
  const kind = n.properties && n.properties.kind;
  const wants = n.label === "MicroGrid" ? ["Grid"]
    : n.label === "Building" || kind === "compound_branch" || COMPOUND_ORGS.includes(n.label) ? ["Compound"]
    : kind === "building_group" ? ["Building", "Compound"] : null;
  if (!wants) return null;
  for (const label of wants) {
    const p = (out.get(n.id) || []).map((k) => byKey.get(k)).find((m) => m && m.label === label);
    if (p) return p.label === "Building" ? stackParent(p, byKey, out) || p.id : p.id;
  }
  return null;
}

/** A community picture. At the top, the lines side by side in columns: the party line (street
 *  working committee, community party committee, big party committee), the areas (district,
 *  street, community), the administrative line (street office, residents' committee), units and
 *  cadres, each on its tier's row. Below, the grids and then the compounds, each with what stacks
 *  under it (a grid's micro-grids; a compound's party branch, property company, owners' or
 *  management committee, buildings and their party groups), in as many columns as make the picture
 *  fit a viewport of `aspect` (width / height) largest: it keeps a screen's shape at any size.
 *  nodes, links: graph JSON items; cell: {w, h} of one node's place (its name fits in w). */
export function lanes(nodes, links, { cell = { w: 124, h: 58 }, gap = 30, aspect = 1.3 } = {}) {
  // A stack's first node leaves room for its head's name on two lines.
  const stackH = cell.h, topH = cell.h * 1.4, headGap = cell.h * 1.3;
  const byKey = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map(), neighbours = new Map(nodes.map((n) => [n.id, []]));
  for (const l of links) {
    if (!byKey.has(l.source) || !byKey.has(l.target)) continue;
    if (!out.has(l.source)) out.set(l.source, []);
    out.get(l.source).push(l.target);
    neighbours.get(l.source).push(l.target);
    neighbours.get(l.target).push(l.source);
  }
  const stacks = new Map();   // head key -> stacked nodes
  const heads = [];
  for (const n of nodes) {
    const p = stackParent(n, byKey, out);
    if (p && byKey.has(p)) { if (!stacks.has(p)) stacks.set(p, []); stacks.get(p).push(n); } else heads.push(n);
  }
  // The branch first, then the property side, then each building followed by its party groups.
  const served = new Map();
  for (const n of nodes) {
    if (n.properties && n.properties.kind === "building_group") {
      const b = (out.get(n.id) || []).find((k) => (byKey.get(k) || {}).label === "Building");
      if (b) served.set(n.id, b);
    }
  }
  const order = ["PartyOrg", "PropertyCompany", "PropertyMgmtCommittee", "OwnersCommittee", "MicroGrid"];
  const sortKey = (n) => (n.label === "Building" ? `5|${n.id}|0` : served.has(n.id) ? `5|${served.get(n.id)}|1|${n.id}`
                          : `${order.indexOf(n.label)}|${n.id}`);
  for (const st of stacks.values()) st.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  const height = (n) => 1 + (stacks.get(n.id) || []).length;
  const pos = new Map();
  const byName = (a, b) => String(a.name).localeCompare(String(b.name), "zh", { numeric: true }) || (a.id < b.id ? -1 : 1);
  // Under their parents: a node sits in the order of the placed nodes it links to.
  const rank = (n) => {
    const xs = neighbours.get(n.id).map((k) => pos.get(k)).filter(Boolean).map((q) => q.x);
    return xs.length ? Math.min(...xs) : Infinity;
  };

  const top = heads.filter((n) => tierOf(n) <= 2);
  const bottom = heads.filter((n) => tierOf(n) > 2);
  // The top: one column per lane, a tier's nodes stacked in its row.
  const used = LANES.filter((lane) => top.some((n) => laneOf(n) === lane));
  const topTiers = [...new Set(top.map(tierOf))].sort((a, b) => a - b);
  const laneX = new Map();
  used.forEach((lane, i) => laneX.set(lane, i * (cell.w + gap)));
  let y = 0;
  for (const t of topTiers) {
    let rows = 1;
    for (const lane of used) {
      const here = top.filter((n) => laneOf(n) === lane && tierOf(n) === t).sort(byName);
      here.forEach((n, i) => pos.set(n.id, { x: laneX.get(lane) + cell.w / 2, y: y + (i + 0.5) * topH }));
      rows = Math.max(rows, here.length);
    }
    y += rows * topH;
  }
  const topWidth = Math.max(1, used.length) * (cell.w + gap) - gap;
  const topHeight = y;

  // The bottom: tiers of heads with their stacks, wrapped into `cols` columns.
  const tiers = [...new Set(bottom.map(tierOf))].sort((a, b) => a - b);
  const place = (cols, commit) => {
    let yy = topHeight + (top.length ? cell.h * 0.4 : 0);
    for (const t of tiers) {
      const here = bottom.filter((n) => tierOf(n) === t);
      if (commit) here.sort((a, b) => rank(a) - rank(b) || byName(a, b));
      for (let r = 0; r * cols < here.length; r++) {
        const row = here.slice(r * cols, (r + 1) * cols);
        if (commit) {
          row.forEach((n, i) => {
            const cx = i * cell.w + cell.w / 2;
            pos.set(n.id, { x: cx, y: yy + cell.h / 2 });
            (stacks.get(n.id) || []).forEach((m, j) => pos.set(m.id, { x: cx, y: yy + cell.h / 2 + headGap + j * stackH }));
          });
        }
        const h = Math.max(...row.map(height));
        yy += cell.h + (h > 1 ? headGap + (h - 2) * stackH : 0);
      }
      yy += cell.h * 0.3;
    }
    return yy;
  };
  let cols = Math.max(1, Math.round(topWidth / cell.w)), best = -Infinity;
  for (let c = Math.max(1, Math.round(topWidth / cell.w)); c <= Math.max(2, bottom.length); c++) {
    const w = Math.max(topWidth, c * cell.w), h = place(c, false);
    const zoom = Math.min(aspect / w, 1 / h);   // how large the picture fits a viewport of that shape
    if (zoom > best + 1e-9) { best = zoom; cols = c; }
  }
  const yEnd = place(cols, true);
  // Centre the top over the bottom.
  const width = Math.max(topWidth, Math.min(cols, bottom.length || 1) * cell.w);
  const shift = (width - topWidth) / 2;
  for (const n of top) pos.get(n.id).x += shift;
  for (const n of nodes) if (!pos.has(n.id)) pos.set(n.id, { x: -cell.w, y: 0 });  // a stack whose head is not drawn
  const boxes = used.map((lane) => ({ lane, x1: laneX.get(lane) + shift - gap / 3, x2: laneX.get(lane) + shift + cell.w + gap / 3,
                                      y1: -cell.h * 0.8, y2: topHeight }));
  if (bottom.length) boxes.push({ lane: "grids", x1: -gap / 3, x2: width + gap / 3, y1: topHeight + cell.h * 0.1, y2: yEnd });
  return { positions: pos, boxes, labelSpace: cell.w };
}

export const LEVELS = ["grid", "community", "street", "district"];
const AREA_LEVEL = { Grid: "grid", MicroGrid: "grid", Community: "community", Street: "street", District: "district" };

/** An issue's trail (graph JSON of /graph/issue): steps by seq left to right in their level's lane,
 *  each step's handler under it, the areas at the left of their lane, the issue before the first step,
 *  meetings and tasks after the last. */
export function timeline(nodes, links, { col = 170, lane = 170 } = {}) {
  const byKey = new Map(nodes.map((n) => [n.id, n]));
  const steps = nodes.filter((n) => n.label === "Step").sort((a, b) => a.properties.seq - b.properties.seq);
  const levels = LEVELS.filter((lv) => steps.some((s) => s.properties.level === lv) || nodes.some((n) => AREA_LEVEL[n.label] === lv));
  const laneY = (lv) => Math.max(0, levels.indexOf(lv)) * lane;
  const pos = new Map();
  steps.forEach((s, i) => pos.set(s.id, { x: (i + 1) * col, y: laneY(s.properties.level) - lane * 0.22 }));
  // Who acted: under the first step they took.
  const by = new Map(links.filter((l) => l.type === "BY").map((l) => [l.source, l.target]));
  for (const st of steps) {
    const h = by.get(st.id);
    if (!h || pos.has(h) || !byKey.has(h)) continue;
    const p = pos.get(st.id);
    pos.set(h, { x: p.x, y: p.y + lane * 0.58 });
  }
  const issue = nodes.find((n) => n.label === "Issue");
  if (issue) pos.set(issue.id, { x: 0, y: steps.length ? pos.get(steps[0].id).y : 0 });
  for (const n of nodes) {
    if (!pos.has(n.id) && AREA_LEVEL[n.label]) {
      const taken = [...pos.values()].filter((p) => p.x < -col / 2 && Math.abs(p.y - laneY(AREA_LEVEL[n.label])) < lane / 2).length;
      pos.set(n.id, { x: -col * (1 + taken), y: laneY(AREA_LEVEL[n.label]) });
    }
  }
  let extra = 0;
  for (const n of nodes) if (!pos.has(n.id)) pos.set(n.id, { x: (steps.length + 1) * col, y: extra++ * lane * 0.5 });
  const xs = [...pos.values()].map((p) => p.x);
  const x1 = Math.min(0, ...xs) - col * 0.9, x2 = Math.max(0, ...xs) + col * 0.6;
  const boxes = levels.map((lv) => ({ lane: lv, side: "left", x1, x2, y1: laneY(lv) - lane / 2 + 3, y2: laneY(lv) + lane / 2 - 3 }));
  return { positions: pos, boxes };
}

/** Which labels to draw: boxes [{key, prio, x1, y1, x2, y2}] (screen pixels), most important
 *  (lowest prio) first; a label that would overlap one already kept is left out. Kept boxes are
 *  bucketed in a grid, so thousands of labels take milliseconds. */
export function declutter(items, pad = 2, bucket = 64) {
  const grid = new Map(), kept = new Set();
  const cellsOf = (b, add) => {
    const out = [];
    for (let i = Math.floor((b.x1 - pad) / bucket); i <= Math.floor((b.x2 + pad) / bucket); i++) {
      for (let j = Math.floor((b.y1 - pad) / bucket); j <= Math.floor((b.y2 + pad) / bucket); j++) {
        const k = `${i},${j}`;
        if (add) { if (!grid.has(k)) grid.set(k, []); grid.get(k).push(b); } else if (grid.has(k)) out.push(...grid.get(k));
      }
    }
    return out;
  };
  const sorted = [...items].sort((a, b) => a.prio - b.prio || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const it of sorted) {
    const clash = cellsOf(it, false).some((k) => it.x1 < k.x2 + pad && k.x1 < it.x2 + pad && it.y1 < k.y2 + pad && k.y1 < it.y2 + pad);
    if (!clash) { cellsOf(it, true); kept.add(it.key); }
  }
  return kept;
}
