// Style rules: a colour per label (the user may change it) and a size rule per label (uniform,
// by links on screen, by buildings folded, or by a numeric property such as an issue's
// satisfaction or a funding's amount), plus which names matter most on a picture.

export const COLORS = {
  District: "#6d4c41", Street: "#a1887f", Community: "#e64a19", Grid: "#fb8c00", MicroGrid: "#fbc02d",
  Compound: "#43a047", Building: "#9e9d24", PartyOrg: "#c62828", AdminOrg: "#1e88e5", Unit: "#8e24aa",
  Department: "#5e35b1", PropertyCompany: "#00897b", OwnersCommittee: "#26a69a",
  PropertyMgmtCommittee: "#4db6ac", Person: "#546e7a", Issue: "#d81b60", Step: "#f06292",
  Meeting: "#3949ab", Task: "#7986cb", Project: "#00acc1", Funding: "#c0ca33", Activity: "#7cb342",
  Evaluation: "#ffb300", Award: "#ffca28", Document: "#795548", IssueCategory: "#90a4ae",
  PointCategory: "#bcaaa4", PointItem: "#a1887f",
};
export const colorOf = (label, rules = {}) => (rules[label] && rules[label].color) || COLORS[label] || "#9e9e9e";

const BASE = { District: 28, Street: 24, Community: 28, PartyOrg: 22, AdminOrg: 22, Grid: 22, Compound: 22,
               Unit: 22, Issue: 22, Step: 18 };
export const baseSize = (n) => (n.properties && n.properties.kind === "building_group" ? 12 : BASE[n.label] || 16);

/** Numeric properties found on the given nodes (what a size rule can use). */
export function numericProps(nodes) {
  const keys = new Set();
  for (const n of nodes) for (const [k, v] of Object.entries(n.properties || {})) if (typeof v === "number" && k !== "id") keys.add(k);
  return [...keys].sort();
}

/** The value a size rule reads for node n: ctx.degree and ctx.folded are Maps by key. */
export function ruleValue(n, by, ctx = {}) {
  if (!by || by === "none") return null;
  if (by === "degree") return (ctx.degree && ctx.degree.get(n.id)) || 0;
  if (by === "folded") return (ctx.folded && ctx.folded.get(n.id)) || 0;
  const v = n.properties && n.properties[by];
  return typeof v === "number" ? v : null;
}

/** Sizes (px) for nodes under rules {label: {size_by}}: a rule scales its label's nodes from 0.7x
 *  to 2.2x their base size, linear between the smallest and largest value among them. */
export function sizes(nodes, rules = {}, ctx = {}) {
  const out = new Map(), ranges = new Map();
  for (const n of nodes) {
    const v = ruleValue(n, rules[n.label] && rules[n.label].size_by, ctx);
    if (v === null) continue;
    const r = ranges.get(n.label) || [Infinity, -Infinity];
    ranges.set(n.label, [Math.min(r[0], v), Math.max(r[1], v)]);
  }
  for (const n of nodes) {
    const v = ruleValue(n, rules[n.label] && rules[n.label].size_by, ctx);
    const b = baseSize(n);
    if (v === null) { out.set(n.id, b); continue; }
    const [lo, hi] = ranges.get(n.label);
    const f = hi > lo ? (v - lo) / (hi - lo) : 0.5;
    out.set(n.id, Math.round(b * (0.7 + 1.5 * f)));
  }
  return out;
}

const KEY_KINDS = new Set(["street_working_committee", "community_committee", "big_party_committee",
                           "street_office", "residents_committee", "villagers_committee"]);

/** How much each node's name matters (Map key -> 0..3; 0 = always written at fit zoom, 3 = only
 *  when zoomed in): the committees, the big party committee's secretary, paired units, grids and
 *  compounds first, buildings and building groups last. */
export function labelPriorities(nodes, links, center = null) {
  const secretaries = new Set(links.filter((l) => l.type === "SECRETARY_OF").map((l) => l.source));
  const paired = new Set(links.filter((l) => l.type === "PAIRED_WITH").map((l) => l.source));
  const out = new Map();
  for (const n of nodes) {
    const kind = n.properties && n.properties.kind;
    let p = 1;
    if (n.id === center || ["District", "Street", "Community", "Grid", "Compound", "Issue", "Step"].includes(n.label)) p = 0;
    else if ((n.label === "PartyOrg" || n.label === "AdminOrg") && KEY_KINDS.has(kind)) p = 0;
    else if (secretaries.has(n.id) || paired.has(n.id)) p = 0;
    else if (n.label === "Building" || kind === "building_group") p = 3;
    else if (["MicroGrid", "PropertyCompany", "OwnersCommittee", "PropertyMgmtCommittee"].includes(n.label)) p = 2;
    out.set(n.id, p);
  }
  return out;
}
