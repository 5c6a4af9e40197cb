import { test } from "node:test";
import assert from "node:assert/strict";
import { History } from "../history.js";

test("undo gives back the states in reverse order, redo replays them", () => {
  const h = new History();
  h.push("a");            // leaving a for b
  h.push("b");            // leaving b for c
  assert.equal(h.undo("c"), "b");
  assert.equal(h.undo("b"), "a");
  assert.equal(h.undo("a"), null);
  assert.equal(h.redo("a"), "b");
  assert.equal(h.redo("b"), "c");
  assert.equal(h.redo("c"), null);
});

test("a new change after undo forgets the undone future", () => {
  const h = new History();
  h.push("a");
  assert.equal(h.undo("b"), "a");
  assert.ok(h.canRedo);
  h.push("a");            // leaving a for d
  assert.ok(!h.canRedo);
  assert.equal(h.undo("d"), "a");
});

test("the history is bounded, oldest states go first", () => {
  const h = new History(2);
  h.push(1); h.push(2); h.push(3);
  assert.equal(h.undo(4), 3);
  assert.equal(h.undo(3), 2);
  assert.equal(h.undo(2), null);
});
