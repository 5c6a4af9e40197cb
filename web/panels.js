// The side panels: a node's properties and its expand menu, the legend (which filters), the
// style rules, a search phrase's rows, the nodes in view, an issue's trail. Each takes what it
// shows and callbacks for what a click does; none calls the API.

const $ = (sel) => document.querySelector(sel);
const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};
const swatch = (color) => { const s = el("span", { className: "swatch" }); s.style.background = color; return s; };

export function resetProps(t) {
  $("#props-panel").replaceChildren(el("h2", { textContent: t("properties") }), el("p", { className: "hint", textContent: t("click_node") }));
  delete $("#props-panel").dataset.node;
}

/** n: graph JSON node; actions: [[text, onclick]]; ctx: {t, vocab, color} */
export function renderProps(n, actions, { t, vocab, color }) {
  const table = el("table", { id: "props" });
  const rows = Object.entries(n.properties).sort(([a], [b]) => (a === "id" ? -1 : b === "id" ? 1 : a.localeCompare(b)));
  for (const [k, v] of rows) {
    const tr = table.insertRow();
    tr.dataset.key = k;
    tr.append(el("th", { textContent: k }));
    tr.insertCell().textContent = vocab.value(n.label, k, v);
  }
  const tag = el("div", { className: "label-tag" }, swatch(color), el("span", { textContent: n.labels.map((l) => vocab.label(l)).join("、") }));
  const buttons = el("div", { className: "actions" },
    ...actions.map(([text, onclick]) => el("button", { type: "button", textContent: text, onclick })));
  const expand = el("div", { id: "expand-menu" }, el("h2", { textContent: t("expand") }),
                    el("p", { className: "hint", textContent: t("expand_counts_loading") }));
  $("#props-panel").replaceChildren(el("h2", { textContent: t("properties") }), el("h3", { textContent: vocab.nodeName(n) }),
                                   tag, table, buttons, expand);
  $("#props-panel").dataset.node = n.id;
}

/** degrees: [{type, direction, label, count}] from /graph/degrees; inView(type, direction) -> how many
 *  of them are drawn already; onExpand(type|null, direction). */
export function renderExpandMenu(key, degrees, onExpand, { t, vocab }) {
  const menu = $("#expand-menu");
  if (!menu || $("#props-panel").dataset.node !== key) return;
  const groups = new Map();
  for (const d of degrees) {
    const k = `${d.type}|${d.direction}`;
    if (!groups.has(k)) groups.set(k, { type: d.type, direction: d.direction, count: 0, labels: [] });
    const g = groups.get(k);
    g.count += d.count;
    g.labels.push(`${vocab.label(d.label)} ${d.count}`);
  }
  const total = degrees.reduce((s, d) => s + d.count, 0);
  const items = [...groups.values()].map((g) => {
    const b = el("button", { type: "button", className: "expand-type",
      title: g.labels.join("、"), onclick: () => onExpand(g.type, g.direction) },
      el("span", { className: "dir", textContent: g.direction === "out" ? "→" : "←" }),
      el("span", { textContent: vocab.rel(g.type) }),
      el("span", { className: "hint", textContent: g.labels.join("、") }),
      el("span", { className: "count", textContent: String(g.count) }));
    Object.assign(b.dataset, { type: g.type, direction: g.direction, count: g.count });
    return el("li", {}, b);
  });
  const all = el("button", { type: "button", id: "expand-all", onclick: () => onExpand(null, "both") },
                 el("span", { textContent: t("expand_all") }), el("span", { className: "count", textContent: String(total) }));
  menu.replaceChildren(el("h2", { textContent: t("expand") }), el("ul", { className: "expand-list" }, ...items), all);
}

/** counts: [[label, n]]; hidden: Set of labels filtered out; onToggle(label). */
export function renderLegend(counts, hidden, onToggle, { vocab, colorOf }) {
  $("#legend").replaceChildren(...counts.map(([label, n]) => {
    const b = el("button", { type: "button", onclick: () => onToggle(label) },
                 swatch(colorOf(label)), el("span", { textContent: vocab.label(label) }), el("span", { className: "count", textContent: String(n) }));
    b.setAttribute("aria-pressed", String(!hidden.has(label)));
    const li = el("li", {}, b);
    li.dataset.label = label;
    li.classList.toggle("off", hidden.has(label));
    return li;
  }));
}

/** The style-rule editor for the labels in view. */
export function renderRules(labels, rules, current, { t, vocab, colorOf, sizeOptions, onChange }) {
  const sel = $("#rule-label");
  const chosen = labels.includes(current) ? current : labels[0];
  sel.replaceChildren(...labels.map((l) => el("option", { value: l, textContent: vocab.label(l), selected: l === chosen })));
  const color = $("#rule-color"), size = $("#rule-size");
  const sync = () => {
    const l = sel.value;
    color.value = colorOf(l);
    const opts = sizeOptions(l);
    size.replaceChildren(...opts.map(([v, text]) => el("option", { value: v, textContent: text })));
    size.value = (rules[l] && rules[l].size_by) || "none";
  };
  sel.onchange = sync;
  color.oninput = () => onChange(sel.value, { color: color.value });
  size.onchange = () => onChange(sel.value, { size_by: size.value });
  if (chosen) sync();
  sel.disabled = color.disabled = size.disabled = !chosen;
}

/** The drawn nodes as a list of buttons (the drawing for a keyboard or a screen reader). */
export function renderNodeList(nodes, onSelect, { vocab, colorOf }) {
  const items = [...nodes].sort((a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name));
  $("#node-list").replaceChildren(...items.map((n) => {
    const b = el("button", { type: "button", onclick: () => onSelect(n.id) }, swatch(colorOf(n.label)),
                 el("span", { textContent: `${vocab.nodeName(n)} · ${vocab.label(n.label)}` }));
    Object.assign(b.dataset, { id: n.id, label: n.label, name: n.name });
    return el("li", {}, b);
  }));
  $("#node-count").textContent = nodes.length;
}

/** A search phrase's rows as a table (the columns the query returns). */
export function renderPhraseRows(title, rows, { vocab }) {
  const panel = $("#phrase-panel");
  if (!rows) { panel.hidden = true; return; }
  panel.hidden = false;
  $("#phrase-title").textContent = title;
  const cols = rows.length ? Object.keys(rows[0]).filter((c) => c !== "total" && typeof rows[0][c] !== "object") : [];
  const table = $("#phrase-rows");
  table.replaceChildren(el("tr", {}, ...cols.map((c) => el("th", { textContent: c }))),
    ...rows.map((r) => el("tr", {}, ...cols.map((c) => el("td", { textContent: r[c] == null ? "—" : vocab.value("*", c, r[c]) })))));
}

/** The steps of an issue's trail in order, full names, who acted, when and by when. */
export function renderTrail(g, onSelect, { t, vocab }) {
  const list = $("#trail");
  if (!g) return list.replaceChildren();
  const byKey = new Map(g.nodes.map((n) => [n.id, n]));
  const handler = new Map(g.links.filter((l) => l.type === "BY").map((l) => [l.source, byKey.get(l.target)]));
  const steps = g.nodes.filter((n) => n.label === "Step").sort((a, b) => a.properties.seq - b.properties.seq);
  list.replaceChildren(...steps.map((s) => {
    const p = s.properties, who = handler.get(s.id);
    const when = (p.at || "").replace("T", " ").slice(0, 16) + (p.due ? t("when_due", { due: p.due.slice(0, 10) }) : "");
    const li = el("li", { onclick: () => onSelect(s.id) },
      el("div", {}, el("b", { textContent: vocab.step(p) }), el("span", { textContent: who ? ` · ${who.name}` : "" })),
      el("div", { className: "when", textContent: when }));
    li.dataset.action = p.action;
    li.dataset.level = p.level;
    return li;
  }));
}
