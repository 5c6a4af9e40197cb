// Draws a graph ({nodes, links} as the API gives them) on the page's SVG: colours by label,
// pan (drag the background), zoom (wheel), drag nodes (pins them), click to select.
// Every drawn node is a <g class="node"> with data-id, data-label and data-name, so tests and
// assistive tools can read exactly what is on screen.
import { ForceLayout } from "./layout.js";

const SVG = "http://www.w3.org/2000/svg";

export const COLORS = {
  District: "#6d4c41", Street: "#a1887f", Community: "#e64a19", Grid: "#fb8c00", MicroGrid: "#fdd835",
  Compound: "#43a047", Building: "#9e9d24", PartyOrg: "#c62828", AdminOrg: "#1e88e5", Unit: "#8e24aa",
  Department: "#5e35b1", PropertyCompany: "#00897b", OwnersCommittee: "#26a69a",
  PropertyMgmtCommittee: "#80cbc4", Person: "#546e7a", Issue: "#d81b60", Step: "#f48fb1",
  Meeting: "#3949ab", Task: "#7986cb", Project: "#00acc1", Funding: "#c0ca33", Activity: "#7cb342",
  Evaluation: "#ffb300", Award: "#ffca28", Document: "#795548", IssueCategory: "#90a4ae",
  PointCategory: "#bcaaa4", PointItem: "#d7ccc8",
};
export const colorOf = (label) => COLORS[label] || "#9e9e9e";

const RADIUS = { District: 15, Street: 13, Community: 13, PartyOrg: 10, AdminOrg: 10, Grid: 10, Issue: 9 };
const KIND_RADIUS = { compound_branch: 8, building_group: 6 };
const radiusOf = (n) => KIND_RADIUS[n.properties.kind] || RADIUS[n.label] || 7;

function el(name, attrs = {}) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

export const shortName = (s, max = 14) => (s.length > max ? s.slice(0, max - 1) + "…" : s);

export class GraphView {
  constructor(svg, { onSelect }) {
    this.svg = svg;
    this.onSelect = onSelect;
    this.layout = new ForceLayout();
    this.nodes = new Map();   // key -> drawn node {data, x, y, g}
    this.links = new Map();   // key -> drawn link {data, source, target, line}
    this.zoom = { k: 1, x: 0, y: 0 };
    this.autoFit = true;
    this.frame = null;
    this.viewport = el("g", { class: "viewport" });
    this.linkLayer = el("g", { class: "links" });
    this.labelLayer = el("g", { class: "link-labels" });
    this.nodeLayer = el("g", { class: "nodes" });
    this.viewport.append(this.linkLayer, this.labelLayer, this.nodeLayer);
    svg.append(this.viewport);
    this.bindPointer();
  }

  clear() {
    this.nodes.clear();
    this.links.clear();
    this.linkLayer.replaceChildren();
    this.labelLayer.replaceChildren();
    this.nodeLayer.replaceChildren();
    this.layout.setGraph([], []);
    this.autoFit = true;
    this.selected = null;
  }

  /** Adds nodes and links (existing ones keep their place). `near`: key of the node new ones start around.
   *  `place(node)`: optional {tx, ty, pull} targets for layered or row layouts. */
  merge(graph, { near = null, place = null, pathKeys = null } = {}) {
    const origin = near && this.nodes.get(near);
    for (const n of graph.nodes) {
      let d = this.nodes.get(n.id);
      if (!d) {
        const jitter = () => (Math.random() - 0.5) * 80;
        d = { data: n, x: origin ? origin.x + jitter() : jitter() * 4, y: origin ? origin.y + jitter() : jitter() * 4 };
        this.nodes.set(n.id, d);
        this.drawNode(d);
      }
      if (place) {
        const t = place(n) || {};
        d.tx = t.tx; d.ty = t.ty; d.pull = t.pull;
        if (t.tx !== undefined && !origin) d.x = t.tx + (Math.random() - 0.5) * 20;
        if (t.ty !== undefined && !origin) d.y = t.ty + (Math.random() - 0.5) * 20;
      }
    }
    for (const l of graph.links) {
      const key = `${l.source}|${l.type}|${l.target}`;
      if (this.links.has(key) || !this.nodes.has(l.source) || !this.nodes.has(l.target)) continue;
      const d = { data: l, source: this.nodes.get(l.source), target: this.nodes.get(l.target) };
      d.line = el("line", { class: "link", "data-type": l.type });
      this.linkLayer.append(d.line);
      this.links.set(key, d);
    }
    for (const d of this.links.values()) d.line.classList.toggle("path", !!pathKeys && pathKeys.has(d.data.source) && pathKeys.has(d.data.target));
    this.refreshLabels();
    this.layout.setGraph([...this.nodes.values()], [...this.links.values()]);
    // Settle most of the way before the first paint, then animate the rest.
    this.layout.restart(near ? 0.6 : 1);
    const budget = performance.now() + 250;
    for (let i = 0; i < 200 && performance.now() < budget && this.layout.tick(); i++);
    this.start();
  }

  drawNode(d) {
    const n = d.data;
    const r = radiusOf(n);
    const g = el("g", { class: "node", "data-id": n.id, "data-label": n.label, "data-name": n.name,
                        tabindex: "0", role: "button", "aria-label": `${n.name} (${n.label})` });
    const title = el("title");
    title.textContent = `${n.name} · ${n.label} · ${n.properties.id ?? ""}`;
    const text = el("text", { x: r + 3, dy: "0.35em" });
    text.textContent = shortName(n.name);
    g.append(el("circle", { r, fill: colorOf(n.label) }), text, title);
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); this.onSelect(n.id); } });
    d.g = g;
    this.nodeLayer.append(g);
  }

  refreshLabels() {
    // Names on every node while the picture is readable; beyond that only on hover and selection.
    const small = this.nodes.size > 160;
    for (const d of this.nodes.values()) d.g.classList.toggle("small", small && radiusOf(d.data) < 10);
    // Relationship types: on every link of a small picture, else on the selected node's links.
    this.labelLayer.replaceChildren();
    this.svg.classList.toggle("few-links", this.links.size <= 24);
    const labelled = this.links.size <= 600;
    for (const d of this.links.values()) {
      d.label = labelled ? el("text", { class: "link-label", "text-anchor": "middle" }) : null;
      if (!d.label) continue;
      d.label.textContent = d.data.type;
      this.labelLayer.append(d.label);
    }
    if (this.selected) this.select(this.selected);
  }

  select(key) {
    this.selected = key;
    for (const d of this.nodes.values()) d.g.classList.toggle("selected", d.data.id === key);
    // Its links stand out; their types are written when there are few enough to read.
    const adjacent = [...this.links.values()].filter((d) => d.data.source === key || d.data.target === key);
    for (const d of this.links.values()) {
      d.line.classList.remove("adjacent");
      if (d.label) d.label.classList.remove("show");
    }
    for (const d of adjacent) {
      d.line.classList.add("adjacent");
      if (d.label && adjacent.length <= 30) d.label.classList.add("show");
    }
  }

  markCenter(key) {
    for (const d of this.nodes.values()) d.g.classList.toggle("center", d.data.id === key);
  }

  start() {
    if (this.frame) return;
    const step = () => {
      let moving = false;
      for (let i = 0; i < 3; i++) moving = this.layout.tick() || moving;
      this.paint();
      this.frame = moving ? requestAnimationFrame(step) : null;
    };
    this.paint();
    this.frame = requestAnimationFrame(step);
  }

  paint() {
    if (this.autoFit) this.fit();
    for (const d of this.nodes.values()) d.g.setAttribute("transform", `translate(${d.x.toFixed(1)},${d.y.toFixed(1)})`);
    for (const d of this.links.values()) {
      const s = d.source, t = d.target;
      d.line.setAttribute("x1", s.x.toFixed(1)); d.line.setAttribute("y1", s.y.toFixed(1));
      d.line.setAttribute("x2", t.x.toFixed(1)); d.line.setAttribute("y2", t.y.toFixed(1));
      if (d.label) {
        d.label.setAttribute("x", ((s.x + t.x) / 2).toFixed(1));
        d.label.setAttribute("y", ((s.y + t.y) / 2 - 2).toFixed(1));
      }
    }
    const z = this.zoom;
    this.viewport.setAttribute("transform", `translate(${z.x.toFixed(1)},${z.y.toFixed(1)}) scale(${z.k.toFixed(4)})`);
  }

  fit() {
    if (!this.nodes.size) return;
    const { width, height } = this.svg.getBoundingClientRect();
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const d of this.nodes.values()) {
      x0 = Math.min(x0, d.x); y0 = Math.min(y0, d.y); x1 = Math.max(x1, d.x + 90); y1 = Math.max(y1, d.y);
    }
    const pad = 40;
    const k = Math.min(2, (width - 2 * pad) / Math.max(x1 - x0, 1), (height - 2 * pad - 20) / Math.max(y1 - y0, 1));
    this.zoom = { k, x: width / 2 - ((x0 + x1) / 2) * k, y: height / 2 + 10 - ((y0 + y1) / 2) * k };
  }

  toGraph(px, py) { const z = this.zoom; return [(px - z.x) / z.k, (py - z.y) / z.k]; }

  bindPointer() {
    const svg = this.svg;
    let drag = null;
    svg.addEventListener("pointerdown", (ev) => {
      const g = ev.target.closest(".node");
      const rect = svg.getBoundingClientRect();
      drag = { node: g ? this.nodes.get(g.dataset.id) : null, x: ev.clientX, y: ev.clientY, moved: false,
               zx: this.zoom.x, zy: this.zoom.y, rect };
      svg.setPointerCapture(ev.pointerId);
      if (!drag.node) svg.classList.add("panning");
    });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      if (!drag.moved) return;
      this.autoFit = false;
      if (drag.node) {
        const [gx, gy] = this.toGraph(ev.clientX - drag.rect.left, ev.clientY - drag.rect.top);
        Object.assign(drag.node, { x: gx, y: gy, fixed: true });
        this.layout.restart(0.2);
        this.start();
      } else {
        this.zoom.x = drag.zx + dx; this.zoom.y = drag.zy + dy;
        this.paint();
      }
    });
    svg.addEventListener("pointerup", () => {
      if (drag && !drag.moved && drag.node) this.onSelect(drag.node.data.id);
      drag = null;
      svg.classList.remove("panning");
    });
    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      this.autoFit = false;
      const rect = svg.getBoundingClientRect();
      const px = ev.clientX - rect.left, py = ev.clientY - rect.top;
      const [gx, gy] = this.toGraph(px, py);
      const k = Math.min(6, Math.max(0.05, this.zoom.k * Math.exp(-ev.deltaY * 0.0015)));
      this.zoom = { k, x: px - gx * k, y: py - gy * k };
      this.paint();
    }, { passive: false });
  }
}
