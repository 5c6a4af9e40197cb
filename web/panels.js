// The side panels: a node's properties, the legend, the list of nodes in view, an issue's trail.
// Each takes what it shows and callbacks for what a click should do; none calls the API.
import { colorOf } from "./view.js";

const $ = (sel) => document.querySelector(sel);

function swatched(el, label, html) {
  el.innerHTML = html;
  el.querySelector(".swatch").style.background = colorOf(label);
  return el;
}

export function resetProps() {
  const panel = $("#props-panel");
  panel.innerHTML = `<h2>Properties</h2><p class="hint">Click a node.</p>`;
  delete panel.dataset.node;
}

/** actions: [[button text, onclick], ...] shown under the properties. */
export function renderProps(n, actions) {
  const table = document.createElement("table");
  table.id = "props";
  const rows = Object.entries(n.properties).sort(([a], [b]) => (a === "id" ? -1 : b === "id" ? 1 : a.localeCompare(b)));
  for (const [k, v] of rows) {
    const tr = table.insertRow();
    const th = document.createElement("th");
    th.textContent = k;
    tr.append(th);
    tr.insertCell().textContent = Array.isArray(v) ? v.join(", ") : v === null ? "—" : String(v);
  }
  const title = document.createElement("h2");
  title.textContent = "Properties";
  const h = document.createElement("h3");
  h.textContent = n.name;
  const tag = swatched(document.createElement("div"), n.label, `<span class="swatch"></span><span></span>`);
  tag.className = "label-tag";
  tag.lastChild.textContent = n.labels.join(", ");
  const buttons = document.createElement("div");
  buttons.className = "actions";
  for (const [text, onclick] of actions) {
    const b = document.createElement("button");
    Object.assign(b, { type: "button", textContent: text, onclick });
    buttons.append(b);
  }
  const panel = $("#props-panel");
  panel.replaceChildren(title, h, tag, table, buttons);
  panel.dataset.node = n.id;
}

/** nodes: the drawn nodes' data (graph JSON nodes). */
export function renderSide(nodes, onSelect) {
  const counts = new Map();
  for (const n of nodes) counts.set(n.label, (counts.get(n.label) || 0) + 1);
  $("#legend").replaceChildren(...[...counts].sort((a, b) => b[1] - a[1]).map(([label, count]) => {
    const li = swatched(document.createElement("li"), label, `<span class="swatch"></span><span></span><span class="count"></span>`);
    li.dataset.label = label;
    li.children[1].textContent = label;
    li.children[2].textContent = count;
    return li;
  }));
  const items = [...nodes].sort((a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name));
  $("#node-list").replaceChildren(...items.map((n) => {
    const b = swatched(document.createElement("button"), n.label, `<span class="swatch"></span><span></span>`);
    b.type = "button";
    Object.assign(b.dataset, { id: n.id, label: n.label, name: n.name });
    b.lastChild.textContent = `${n.name} · ${n.label}`;
    b.onclick = () => onSelect(n.id);
    const li = document.createElement("li");
    li.append(b);
    return li;
  }));
  $("#node-count").textContent = nodes.length;
}

/** The steps of an issue's trail in order, with who acted; g: the graph JSON (or null). */
export function renderTrail(g, onSelect) {
  const list = $("#trail");
  if (!g) return list.replaceChildren();
  const byKey = new Map(g.nodes.map((n) => [n.id, n]));
  const handler = new Map(g.links.filter((l) => l.type === "BY").map((l) => [l.source, byKey.get(l.target)]));
  const steps = g.nodes.filter((n) => n.label === "Step").sort((a, b) => a.properties.seq - b.properties.seq);
  list.replaceChildren(...steps.map((s) => {
    const p = s.properties, li = document.createElement("li");
    li.dataset.action = p.action;
    const who = handler.get(s.id);
    li.innerHTML = `<div><b></b> <span></span></div><div class="when"></div>`;
    li.querySelector("b").textContent = `${p.seq}. ${p.action}`;
    li.querySelector("span").textContent = `${p.level}${who ? " · " + who.name : ""}`;
    li.querySelector(".when").textContent = (p.at || "").replace("T", " ").slice(0, 16) + (p.due ? `, due ${p.due.slice(0, 10)}` : "");
    li.onclick = () => onSelect(s.id);
    return li;
  }));
}
