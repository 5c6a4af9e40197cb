import { test } from "node:test";
import assert from "node:assert/strict";
import { drawing } from "../svg.js";

test("nodes, links and names are drawn, names escaped", () => {
  const svg = drawing(
    [{ x: 0, y: 0, size: 20, color: "#c62828", label: "天马社区" },
     { x: 100, y: 0, size: 30, color: "#1565c0", label: "A & <B>", square: true }],
    [{ x1: 0, y1: 0, x2: 100, y2: 0 }],
  );
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="/);
  assert.equal((svg.match(/<circle /g) || []).length, 1);
  assert.equal((svg.match(/<rect /g) || []).length, 2);  // the background and the square node
  assert.equal((svg.match(/<line /g) || []).length, 1);
  assert.ok(svg.includes(">天马社区</text>") && svg.includes(">A &amp; &lt;B&gt;</text>"));
});

test("the view box holds every node with a margin", () => {
  const svg = drawing([{ x: -50, y: 10, size: 10, color: "#000", label: "" }, { x: 50, y: 90, size: 10, color: "#000" }], []);
  const [x0, y0, w, h] = svg.match(/viewBox="([^"]+)"/)[1].split(" ").map(Number);
  assert.ok(x0 <= -95 && y0 <= -35 && x0 + w >= 95 && y0 + h >= 135);
});

test("an empty view is a valid, empty drawing", () => {
  assert.equal(drawing([], []), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>');
});
