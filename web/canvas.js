// The drawing: Cytoscape.js (web/node_modules, pinned in web/package-lock.json) on a canvas.
// This module only adapts it: elements from graph JSON, styles from the style rules, names by
// zoom level (always about 12 px on screen, the most important first, never two overlapping),
// lanes behind the two domain pictures, export as PNG, SVG and JSON.
import cytoscape from "cytoscape";
import dagre from "cytoscape-dagre";
import { declutter } from "./layouts.js";
import { drawing } from "./svg.js";

let pluginsReady = false;
function usePlugins() {
  if (pluginsReady) return;
  pluginsReady = true;
  cytoscape.use(dagre);
}

const FONT = 12;            // px on screen, whatever the zoom
const LABEL_WIDTH = 112;    // px on screen before a name wraps (less where the layout leaves less room)
const BIG = 1500;           // elements: from here on, plain links and nodes, and elements arrive in batches

/** A count drawn inside a folded node (its buildings or micro-grids), as an SVG image. */
const badgeImage = (n) => "data:image/svg+xml;utf8," + encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><text x="20" y="27" font-size="${n > 99 ? 15 : 19}" ` +
  `font-family="sans-serif" font-weight="700" text-anchor="middle" fill="#ffffff">${n}</text></svg>`);

const textWidth = (s, px) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? px : px * 0.58), 0);

const frame = () => new Promise((r) => requestAnimationFrame(r));

export class Canvas {
  /** el: the container; on: {select(key), background(), foldToggle(key)} */
  constructor(el, on) {
    usePlugins();
    this.on = on;
    this.cy = cytoscape({
      container: el, minZoom: 0.02, maxZoom: 4, wheelSensitivity: 0.3, boxSelectionEnabled: false,
      style: this.stylesheet(), elements: [],
    });
    this.prio = new Map();
    this.named = new Set();
    this.cy.on("tap", "node.item", (ev) => on.select(ev.target.id()));
    this.cy.on("tap", (ev) => { if (ev.target === this.cy) on.background(); });
    this.cy.on("zoom pan resize", () => this.scheduleLabels());
    this.cy.on("dragfree", "node.item", () => this.scheduleLabels());
  }

  /** The styles; sizes of text are in graph units, so they are set from the zoom (z) to make FONT px on screen. */
  stylesheet(z = 1, maxW = LABEL_WIDTH) {
    return [
      { selector: "node.item", style: {
        width: "data(size)", height: "data(size)", "background-color": "data(color)", "border-width": 1.5,
        "border-color": "#ffffff", label: "", "font-size": FONT / z, "text-valign": "bottom", "text-halign": "center",
        "text-margin-y": 3 / z, "text-wrap": "wrap", "text-overflow-wrap": "anywhere", "text-max-width": maxW / z, color: "#1f2933",
        "text-outline-color": "#ffffff", "text-outline-width": 2 / z, "font-family": "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif",
        "min-zoomed-font-size": 0, "z-index": 10 } },
      { selector: "node.item.named", style: { label: "data(label)" } },
      { selector: "node.item[?above]", style: { "text-valign": "top", "text-margin-y": -3 / z } },
      { selector: "node.item[?badge]", style: { shape: "round-rectangle", "border-width": 3, "border-color": "#37474f",
                                                "border-style": "double", "background-image": "data(badgeImg)",
                                                "background-fit": "contain", "background-clip": "none" } },
      { selector: "node.item.center", style: { "border-color": "#c62828", "border-width": 3 } },
      { selector: "node.item:selected", style: { "border-color": "#111111", "border-width": 3, "z-index": 20 } },
      { selector: "node.lane", style: {
        shape: "round-rectangle", width: "data(w)", height: "data(h)", "background-color": "data(bg)", "background-opacity": 0.5,
        "border-width": 0, label: "data(label)", "text-valign": "top", "text-halign": "center", "font-size": (FONT + 1) / z,
        color: "#6b7785", "font-weight": 600, events: "no", "z-index": 0, "text-margin-y": -4 } },
      { selector: "node.lane-left", style: { "text-valign": "center", "text-halign": "left", "text-margin-x": -8, "text-margin-y": 0 } },
      { selector: "edge", style: {
        width: 1, "line-color": "#c3ccd5", "curve-style": "straight", "target-arrow-shape": "triangle",
        "target-arrow-color": "#c3ccd5", "arrow-scale": 0.6, "font-size": (FONT - 2) / z, color: "#5c6b7a",
        "text-outline-color": "#fff", "text-outline-width": 2 / z, "z-index": 5 } },
      { selector: "edge.labelled", style: { label: "data(label)" } },
      { selector: "edge.adjacent", style: { width: 2.2, "line-color": "#5c6b7a", "target-arrow-color": "#5c6b7a" } },
      { selector: "edge.path", style: { width: 3, "line-color": "#c62828", "target-arrow-color": "#c62828" } },
      { selector: "edge.big", style: { "curve-style": "haystack", "target-arrow-shape": "none" } },
      { selector: "node.item.big", style: { "border-width": 0 } },
      { selector: ".filtered", style: { display: "none" } },
    ];
  }

  /** Draws exactly `items` (nodes: [{key, label, color, size, prio, badge, data}], links: [{key, source, target, label, path}]).
   *  positions: Map key -> {x, y} for nodes to place (others keep theirs or are placed by `layout`). */
  async draw({ nodes, links }, { positions = null, boxes = null, layout = null, near = null, fit = true, labelSpace = null } = {}) {
    const cy = this.cy;
    if (positions || layout) this.labelSpace = labelSpace;  // graph units a name may take across (null: LABEL_WIDTH px)
    const want = new Set([...nodes.map((n) => n.key), ...links.map((l) => l.key)]);
    const big = nodes.length + links.length >= BIG;
    cy.batch(() => {
      cy.elements().filter((e) => !want.has(e.id()) || e.hasClass("lane")).remove();
      for (const n of nodes) {
        const e = cy.getElementById(n.key);
        if (e.nonempty()) e.data({ label: n.label, color: n.color, size: n.size, ring: n.ring, above: n.above || null, badge: n.badge || null, badgeImg: n.badge ? badgeImage(n.badge) : null });
      }
    });
    if (positions && fit && !layout) {
      const sizes = new Map(nodes.map((n) => [n.key, n.size]));
      const coming = [...positions].map(([k, p]) => ({ ...p, w: sizes.get(k) || 0, h: sizes.get(k) || 0 }));
      for (const b of boxes || []) coming.push({ x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2, w: b.x2 - b.x1, h: b.y2 - b.y1 });
      const v = this.viewportFor(coming);
      if (v) this.styleFor(v.zoom);
    }
    const origin = near && cy.getElementById(near).nonempty() ? cy.getElementById(near).position() : null;
    const fresh = nodes.filter((n) => cy.getElementById(n.key).empty());
    const around = ringAround(origin, fresh.length);
    const elements = [
      ...fresh.map((n, i) => ({ group: "nodes", classes: big ? "item big" : "item", data: { id: n.key, label: n.label, code: n.code, color: n.color, size: n.size, ring: n.ring, above: n.above || null,
                                        badge: n.badge || null, badgeImg: n.badge ? badgeImage(n.badge) : null },
                                position: (positions && positions.get(n.key)) || around[i] })),
      ...links.filter((l) => cy.getElementById(l.key).empty())
        .map((l) => ({ group: "edges", classes: big ? "big" : "", data: { id: l.key, source: l.source, target: l.target, label: l.label } })),
    ];
    // A big picture arrives in batches, one per frame, so the tab keeps answering.
    const chunk = big ? 2500 : elements.length || 1;
    for (let i = 0; i < elements.length; i += chunk) {
      cy.add(elements.slice(i, i + chunk));
      if (i + chunk < elements.length) await frame();
    }
    const onPath = new Set(links.filter((l) => l.path).map((l) => l.key));
    cy.batch(() => cy.edges().forEach((e) => e.toggleClass("path", onPath.has(e.id()))));
    this.prio = new Map(nodes.map((n) => [n.key, n.prio]));
    if (positions) {
      cy.batch(() => { for (const [k, p] of positions) { const e = cy.getElementById(k); if (e.nonempty()) e.position(p); } });
    }
    if (boxes) this.drawLanes(boxes);
    if (layout) await this.layout(layout, { fit });
    else if (fit) this.fit();
    this.updateLabels();
  }

  drawLanes(boxes) {
    const bg = ["#fdecea", "#f1f3f5", "#e8f1fb", "#f3eafa", "#fff6e5"];
    this.cy.add(boxes.map((b, i) => ({ group: "nodes", classes: b.side === "left" ? "lane lane-left" : "lane", selectable: false, grabbable: false,
      data: { id: `lane:${b.lane}`, label: b.title, w: b.x2 - b.x1, h: b.y2 - b.y1, bg: bg[i % bg.length] },
      position: { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 } })));
  }

  async layout(name, { fit = true } = {}) {
    const items = this.cy.elements().not(".lane");
    this.cy.nodes(".lane").remove();
    const opts = {
      dagre: { name: "dagre", rankDir: "TB", nodeSep: 40, rankSep: 70, edgeSep: 10 },
      cose: { name: "cose", animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, numIter: 600 },
      concentric: { name: "concentric", minNodeSpacing: 56, concentric: (n) => 1000 - (n.data("ring") || 0), levelWidth: () => 1 },
      grid: { name: "grid", avoidOverlap: true, condense: true },
      breadthfirst: { name: "breadthfirst", directed: false, spacingFactor: 1.2 },
    }[name] || { name };
    const run = items.layout({ ...opts, fit, padding: 40 });
    const done = run.promiseOn("layoutstop");
    run.run();
    await done;
  }

  /** The zoom and pan that fit boxes [{x, y, w, h}] in the view (names are not measured: for
   *  thousands of names that costs seconds). */
  viewportFor(boxes, pad = 40) {
    const cy = this.cy;
    let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    for (const b of boxes) {
      x1 = Math.min(x1, b.x - b.w / 2); x2 = Math.max(x2, b.x + b.w / 2);
      y1 = Math.min(y1, b.y - b.h / 2); y2 = Math.max(y2, b.y + b.h / 2);
    }
    if (!Number.isFinite(x1)) return null;
    const zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), 2, (cy.width() - 2 * pad) / Math.max(x2 - x1, 1),
                                                 (cy.height() - 2 * pad) / Math.max(y2 - y1, 1)));
    return { zoom, pan: { x: (cy.width() - zoom * (x1 + x2)) / 2, y: (cy.height() - zoom * (y1 + y2)) / 2 } };
  }

  boxes() {
    return this.cy.nodes().map((e) => ({ ...e.position(), w: e.data("w") || e.data("size") || 0, h: e.data("h") || e.data("size") || 0 }));
  }

  fit() {
    const v = this.viewportFor(this.boxes());
    if (v) this.cy.viewport(v);
    this.updateLabels();
  }

  /** The stylesheet for a zoom, before elements arrive: styled once, not once at zoom 1 and again. */
  styleFor(zoom) {
    const maxW = this.labelSpace ? Math.max(4 * FONT, Math.min(LABEL_WIDTH, this.labelSpace * zoom - 10)) : LABEL_WIDTH;
    const key = `${zoom.toFixed(4)}|${maxW}`;
    if (key !== this.styleKey) { this.styleKey = key; this.cy.style(this.stylesheet(zoom, maxW)); }
    return maxW;
  }

  /** Names are chosen again once panning or zooming pauses (150 ms), not on every frame: while the
   *  view moves, the names written move with it. */
  scheduleLabels() {
    clearTimeout(this.labelTimer);
    this.labelTimer = setTimeout(() => this.updateLabels(), 150);
  }

  /** Names by zoom: every name is FONT px on screen; the most important names in the viewport are
   *  written first and a name that would overlap one already written is left out. */
  updateLabels() {
    const cy = this.cy, z = cy.zoom(), ext = cy.extent();
    const maxW = this.styleFor(z);  // one stylesheet for every element (no per-element bypass), redone when the zoom changed
    const inView = (p) => p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
    const items = [];
    cy.nodes(".item").forEach((e) => {
      if (e.hasClass("filtered") || !inView(e.position())) return;
      const rp = e.renderedPosition(), half = (e.data("size") * z) / 2;
      // The node itself: no name is written over it.
      const d = Math.max(0, half - 2);  // less the declutter's padding: a name may sit right under its node
      items.push({ key: `dot|${e.id()}`, prio: -2, x1: rp.x - d, x2: rp.x + d, y1: rp.y - d, y2: rp.y + d });
      const widths = String(e.data("label") || "").split("\n").map((line) => textWidth(line, FONT));
      const w = Math.min(Math.max(...widths), maxW), lines = widths.reduce((sum, x) => sum + (Math.ceil(x / maxW) || 1), 0);
      const h = lines * FONT * 1.2 + 1;
      const [y1, y2] = e.data("above") ? [rp.y - half - 2 - h, rp.y - half - 2] : [rp.y + half + 2, rp.y + half + 2 + h];
      items.push({ key: e.id(), prio: e.selected() ? -1 : this.prio.get(e.id()) ?? 2, x1: rp.x - w / 2, x2: rp.x + w / 2, y1, y2 });
    });
    // Relationship names: on every link of a small picture, else on the selected node's links;
    // after every node's name, and only where they overlap nothing.
    const edges = cy.edges(":visible");
    const candidates = edges.length <= 60 ? edges : edges.filter(".adjacent");
    candidates.forEach((e) => {
      const a = e.source().renderedPosition(), b = e.target().renderedPosition();
      const w = textWidth(e.data("label") || "", FONT - 2), mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
      if (Math.hypot(a.x - b.x, a.y - b.y) < w + 24) return;   // too short a link to carry its name
      items.push({ key: `edge|${e.id()}`, prio: 5, x1: mx - w / 2, x2: mx + w / 2, y1: my - FONT * 0.6, y2: my + FONT * 0.6 });
    });
    const shown = declutter(items);
    // Only the nodes and links whose state changes are touched: a class change restyles an element.
    const before = new Set([...cy.nodes(".item.named").map((e) => e.id()), ...cy.edges(".labelled").map((e) => `edge|${e.id()}`)]);
    cy.batch(() => {
      for (const k of before) if (!shown.has(k)) cy.getElementById(k.startsWith("edge|") ? k.slice(5) : k).removeClass(k.startsWith("edge|") ? "labelled" : "named");
      for (const k of shown) if (!before.has(k) && !k.startsWith("dot|")) cy.getElementById(k.startsWith("edge|") ? k.slice(5) : k).addClass(k.startsWith("edge|") ? "labelled" : "named");
    });
    this.named = shown;
    this.lastItems = items;
  }

  select(key) {
    const cy = this.cy;
    cy.$(":selected").unselect();
    cy.edges().removeClass("adjacent");
    const e = cy.getElementById(key);
    if (e.nonempty()) { e.select(); e.connectedEdges().addClass("adjacent"); }
    this.updateLabels();
  }

  markCenter(key) { this.cy.nodes().removeClass("center"); if (key) this.cy.getElementById(key).addClass("center"); }

  filterLabels(hidden) {
    this.cy.batch(() => this.cy.nodes(".item").forEach((e) => e.toggleClass("filtered", hidden.has(e.data("code")))));
    this.updateLabels();
  }

  positions() { return new Map(this.cy.nodes(".item").map((e) => [e.id(), { ...e.position() }])); }

  /** Names written on screen now (what a person reads without hovering). */
  writtenNames() { return this.cy.nodes(".item.named").map((e) => e.data("label")); }

  png() { return this.cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }); }

  svg() {
    const shown = this.cy.nodes(".item").filter((e) => e.visible());
    const nodes = shown.map((e) => ({
      ...e.position(), size: e.width(), color: e.style("background-color"), square: !!e.data("badge"),
      label: e.hasClass("named") ? e.data("label") : "",
    }));
    const links = this.cy.edges().filter((e) => e.visible()).map((e) => {
      const a = e.source().position(), b = e.target().position();
      return { x1: a.x, y1: a.y, x2: b.x, y2: b.y, color: e.style("line-color") };
    });
    return new Blob([drawing(nodes, links)], { type: "image/svg+xml" });
  }
}

/** Places for n new nodes in rings around a point (a new node arrives next to the node it was expanded from). */
export function ringAround(origin, n) {
  const out = [];
  const c = origin || { x: 0, y: 0 };
  let ring = 0, placed = 0;
  while (placed < n) {
    const r = 110 + ring * 70, slots = Math.max(6, Math.floor((2 * Math.PI * r) / 80));
    for (let i = 0; i < slots && placed < n; i++, placed++) {
      const a = (2 * Math.PI * i) / slots + ring * 0.4;
      out.push({ x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) });
    }
    ring += 1;
  }
  return out;
}
