import { test } from "node:test";
import assert from "node:assert/strict";
import { ViewModel } from "../model.js";
import { foldMap, foldCounts } from "../fold.js";

const node = (id, label, properties = {}) => ({ id, label, labels: [label], name: id, properties });
const link = (source, type, target) => ({ source, type, target, properties: {} });

// A compound with two buildings, one of them served by a building party group.
const G = {
  nodes: [node("Grid:G1", "Grid"), node("Compound:C1", "Compound"), node("Building:B1", "Building"),
          node("Building:B2", "Building"), node("PartyOrg:BG1", "PartyOrg", { kind: "building_group" }),
          node("PartyOrg:CB1", "PartyOrg", { kind: "compound_branch" })],
  links: [link("Compound:C1", "IN_GRID", "Grid:G1"), link("Building:B1", "IN", "Compound:C1"),
          link("Building:B2", "IN", "Compound:C1"), link("PartyOrg:BG1", "SERVES", "Building:B1"),
          link("PartyOrg:BG1", "UNDER", "PartyOrg:CB1"), link("PartyOrg:CB1", "SERVES", "Compound:C1")],
};

test("buildings and their party groups fold into the compound", () => {
  const into = foldMap(G);
  assert.deepEqual([...into].sort(), [["Building:B1", "Compound:C1"], ["Building:B2", "Compound:C1"],
                                      ["PartyOrg:BG1", "Compound:C1"]]);
  assert.deepEqual(foldCounts(into, new Map(G.nodes.map((n) => [n.id, n]))).get("Compound:C1"), { buildings: 2, groups: 1, microGrids: 0 });
});

test("micro-grids fold into their grid", () => {
  const g = { nodes: [node("Grid:G1", "Grid"), node("MicroGrid:M1", "MicroGrid"), node("MicroGrid:M2", "MicroGrid")],
              links: [link("MicroGrid:M1", "PART_OF", "Grid:G1"), link("MicroGrid:M2", "PART_OF", "Grid:G1")] };
  const into = foldMap(g);
  assert.deepEqual(foldCounts(into, new Map(g.nodes.map((n) => [n.id, n]))).get("Grid:G1"), { buildings: 0, groups: 0, microGrids: 2 });
});

test("a folded picture shows the compound without its buildings until opened", () => {
  const m = new ViewModel();
  m.replace(G, { fold: true });
  assert.deepEqual(m.visible().nodes.map((n) => n.id).sort(), ["Compound:C1", "Grid:G1", "PartyOrg:CB1"]);
  assert.deepEqual(m.visible().links.map((l) => l.type).sort(), ["IN_GRID", "SERVES"]);
  m.toggleFold("Compound:C1");
  assert.equal(m.visible().nodes.length, 6);
  assert.equal(m.visible().links.length, 6);
  m.toggleFold("Compound:C1");
  assert.equal(m.visible().nodes.length, 3);
});

test("merge adds only new nodes and links whose two ends are in view", () => {
  const m = new ViewModel();
  m.replace({ nodes: [node("Grid:G1", "Grid")], links: [] });
  const added = m.merge({ nodes: [node("Grid:G1", "Grid"), node("Person:P2", "Person")],
                          links: [link("Person:P2", "WORKS", "Grid:G1"), link("Person:P2", "LIVES", "Nowhere:X")] });
  assert.deepEqual(added, ["Person:P2"]);
  assert.deepEqual([...m.links.keys()], ["Person:P2|WORKS|Grid:G1"]);
});

test("collapse takes the neighbours that hang on the node alone", () => {
  const m = new ViewModel();
  m.replace(G);
  // B2 hangs on C1 alone; B1 also links to BG1; CB1 links to BG1; G1 hangs on C1 alone.
  assert.deepEqual(m.leaves("Compound:C1").sort(), ["Building:B2", "Grid:G1"]);
  m.remove(m.leaves("Compound:C1"));
  assert.equal(m.nodes.size, 4);
  assert.ok(![...m.links.values()].some((l) => l.source === "Building:B2" || l.target === "Grid:G1"));
});

test("a snapshot restores the exact set after later changes", () => {
  const m = new ViewModel();
  m.replace(G, { fold: true });
  const s = m.snapshot();
  m.remove(["Grid:G1"]);
  m.toggleFold("Compound:C1");
  m.restore(s);
  assert.deepEqual(m.visible().nodes.map((n) => n.id).sort(), ["Compound:C1", "Grid:G1", "PartyOrg:CB1"]);
  assert.equal(m.links.size, 6);
});
