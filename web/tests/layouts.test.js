import { test } from "node:test";
import assert from "node:assert/strict";
import { declutter, lanes, laneOf, tierOf, timeline } from "../layouts.js";

const node = (id, label, properties = {}) => ({ id, label, labels: [label], name: id, properties });
const link = (source, type, target) => ({ source, type, target, properties: {} });

test("a community picture puts the party line, the areas and the administrative line side by side", () => {
  const nodes = [node("District:D", "District"), node("Street:S", "Street"), node("Community:C", "Community"),
    node("PartyOrg:SWC", "PartyOrg", { kind: "street_working_committee" }), node("PartyOrg:BPC", "PartyOrg", { kind: "big_party_committee" }),
    node("AdminOrg:SO", "AdminOrg", { kind: "street_office" }), node("AdminOrg:RC", "AdminOrg", { kind: "residents_committee" }),
    node("Unit:U1", "Unit"), node("Person:P1", "Person"), node("Grid:G1", "Grid"), node("Grid:G2", "Grid")];
  const { positions: p, boxes } = lanes(nodes, [link("Grid:G1", "PART_OF", "Community:C"), link("Grid:G2", "PART_OF", "Community:C")]);
  assert.deepEqual(boxes.map((b) => b.lane), ["party", "area", "admin", "partners", "grids"]);
  const x = (k) => p.get(k).x, y = (k) => p.get(k).y;
  assert.ok(x("PartyOrg:SWC") < x("Street:S") && x("Street:S") < x("AdminOrg:SO") && x("AdminOrg:SO") < x("Unit:U1"));
  assert.ok(y("District:D") < y("Street:S") && y("Street:S") < y("Community:C") && y("Community:C") < y("Grid:G1"));
  assert.equal(y("PartyOrg:SWC"), y("Street:S"));          // the street's committee on the street's row
  assert.equal(y("PartyOrg:BPC"), y("Community:C"));
  assert.equal(y("Grid:G1"), y("Grid:G2"));
  // No two nodes share a place.
  const places = [...p.values()].map((q) => `${q.x},${q.y}`);
  assert.equal(new Set(places).size, places.length);
});

test("a crowded tier wraps into rows: the picture keeps a screen's shape at any size", () => {
  for (const count of [30, 300, 3000]) {
    const nodes = Array.from({ length: count }, (_, i) => node(`Compound:C${i}`, "Compound"));
    const { positions } = lanes(nodes, []);
    const xs = [...positions.values()].map((q) => q.x), ys = [...positions.values()].map((q) => q.y);
    const shape = (Math.max(...xs) - Math.min(...xs) + 124) / (Math.max(...ys) - Math.min(...ys) + 54);
    assert.ok(shape > 0.8 && shape < 2, `${count} compounds: width/height ${shape.toFixed(2)}`);
    assert.equal(new Set(xs.map((x, i) => `${x},${ys[i]}`)).size, count);
  }
});

test("a compound's organizations and buildings stack under it, a grid's micro-grids under the grid", () => {
  const nodes = [node("Grid:G1", "Grid"), node("MicroGrid:M1", "MicroGrid"), node("Compound:C1", "Compound"),
    node("Compound:C2", "Compound"), node("PartyOrg:CB1", "PartyOrg", { kind: "compound_branch" }),
    node("PropertyCompany:PC1", "PropertyCompany"), node("Building:B1", "Building"),
    node("PartyOrg:BG1", "PartyOrg", { kind: "building_group" })];
  const links = [link("MicroGrid:M1", "PART_OF", "Grid:G1"), link("Compound:C1", "IN_GRID", "Grid:G1"),
    link("Compound:C2", "IN_GRID", "Grid:G1"), link("PartyOrg:CB1", "SERVES", "Compound:C1"),
    link("PropertyCompany:PC1", "MANAGES", "Compound:C1"), link("PropertyCompany:PC1", "MANAGES", "Compound:C2"),
    link("Building:B1", "IN", "Compound:C1"), link("PartyOrg:BG1", "SERVES", "Building:B1")];
  const { positions: p } = lanes(nodes, links);
  const c1 = p.get("Compound:C1");
  const under = ["PartyOrg:CB1", "PropertyCompany:PC1", "Building:B1", "PartyOrg:BG1"].map((k) => p.get(k));
  assert.ok(under.every((q) => q.x === c1.x), "one column under the compound");
  assert.deepEqual(under.map((q) => q.y), [...under.map((q) => q.y)].sort((a, b) => a - b));
  assert.ok(under[0].y > c1.y);
  assert.equal(p.get("MicroGrid:M1").x, p.get("Grid:G1").x);
  assert.ok(p.get("MicroGrid:M1").y > p.get("Grid:G1").y && p.get("MicroGrid:M1").y < c1.y);
});

test("lanes and tiers of the model's nodes", () => {
  assert.equal(laneOf(node("x", "PropertyCompany")), "admin");
  assert.equal(laneOf(node("x", "Person")), "partners");
  assert.equal(tierOf(node("x", "PartyOrg", { kind: "compound_branch" })), tierOf(node("y", "Compound")));
});

test("an issue's timeline: steps in order left to right, each in its level's lane, handlers below", () => {
  const steps = [["1", "filed", "grid"], ["2", "escalated", "grid"], ["3", "accepted", "community"], ["4", "resolved", "community"]]
    .map(([seq, action, level]) => node(`Step:I1#${seq}`, "Step", { seq: Number(seq), action, level }));
  const nodes = [node("Issue:I1", "Issue"), ...steps, node("Person:P2", "Person"), node("AdminOrg:RC", "AdminOrg"),
                 node("Grid:G1", "Grid"), node("Community:C", "Community")];
  const links = [link("Step:I1#1", "BY", "Person:P2"), link("Step:I1#2", "BY", "Person:P2"), link("Step:I1#3", "BY", "AdminOrg:RC")];
  const { positions: p, boxes } = timeline(nodes, links);
  assert.deepEqual(boxes.map((b) => b.lane), ["grid", "community"]);
  const xs = steps.map((s) => p.get(s.id).x);
  assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
  assert.equal(p.get("Step:I1#1").y, p.get("Step:I1#2").y);
  assert.ok(p.get("Step:I1#3").y > p.get("Step:I1#2").y);
  assert.equal(p.get("Person:P2").x, p.get("Step:I1#1").x);
  assert.ok(p.get("Person:P2").y > p.get("Step:I1#1").y);
  assert.ok(p.get("Issue:I1").x < xs[0] && p.get("Grid:G1").x < p.get("Issue:I1").x);
  const box = (lv) => boxes.find((b) => b.lane === lv);
  for (const s of steps) {
    const b = box(s.properties.level), q = p.get(s.id);
    assert.ok(q.y > b.y1 && q.y < b.y2, `${s.id} in its lane`);
  }
});

test("declutter keeps the most important labels and never two that overlap", () => {
  const items = [
    { key: "a", prio: 2, x1: 0, y1: 0, x2: 50, y2: 10 },
    { key: "b", prio: 0, x1: 40, y1: 5, x2: 90, y2: 15 },
    { key: "c", prio: 1, x1: 100, y1: 0, x2: 150, y2: 10 },
    { key: "d", prio: 1, x1: 200, y1: 200, x2: 260, y2: 212 },
    { key: "e", prio: 3, x1: 210, y1: 205, x2: 230, y2: 209 },
  ];
  assert.deepEqual([...declutter(items)].sort(), ["b", "c", "d"]);
});

test("declutter handles thousands of labels quickly", () => {
  const items = Array.from({ length: 5000 }, (_, i) => ({ key: `n${i}`, prio: i % 4, x1: (i * 37) % 1000, y1: (i * 53) % 800,
                                                        x2: ((i * 37) % 1000) + 60, y2: ((i * 53) % 800) + 12 }));
  const t0 = performance.now();
  const kept = declutter(items);
  assert.ok(performance.now() - t0 < 500);
  const k = items.filter((it) => kept.has(it.key));
  for (let i = 0; i < k.length; i++) for (let j = i + 1; j < k.length; j++) {
    const a = k[i], b = k[j];
    assert.ok(!(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2), `${a.key} overlaps ${b.key}`);
  }
});
