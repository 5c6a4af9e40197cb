// The page: search, pictures (community, neighbourhood, path, issue trail), the properties panel.
// Reads the graph-view API (docs/graph-json.md); the address bar keeps the current picture
// (#community/ID, #node/LABEL/ID, #path/FROM/TO, #issue/ID) so a view can be bookmarked.
import { COLORS, GraphView, colorOf } from "./view.js";
import { renderProps, renderSide, renderTrail as renderTrailPanel, resetProps as resetPropsPanel } from "./panels.js";
import { searchNodes } from "./search.js";

const API = "/api/v1/graph";
const $ = (sel) => document.querySelector(sel);
const state = { selected: null, mode: null };
const view = new GraphView($("#graph"), { onSelect: (key) => selectNode(key, { expand: $("#expand-on-click").checked }) });

// --- talking to the API ----------------------------------------------------------------------
async function getJSON(url) {
  let res;
  try {
    res = await fetch(url, { headers: { Accept: "application/json" } });
  } catch (e) {
    return { ok: false, status: 0, body: { detail: "the API cannot be reached" } };
  }
  let body = null;
  try { body = await res.json(); } catch (e) { body = { detail: res.statusText }; }
  return { ok: res.ok, status: res.status, body };
}

const enc = encodeURIComponent;
const nodeUrl = (id, label, depth = 1, limit = 200) =>
  `${API}/neighbourhood/${enc(id)}?depth=${depth}&limit=${limit}${label ? `&label=${enc(label)}` : ""}`;

function setStatus(text, kind = "") {
  const s = $("#status");
  s.textContent = text;
  s.className = kind;
}

function describe(res) {
  const d = res.body && res.body.detail;
  if (Array.isArray(d)) return d.map((e) => `${(e.loc || []).slice(-1)[0]}: ${e.msg}`).join("; ");
  return d || `HTTP ${res.status}`;
}

// --- pictures ----------------------------------------------------------------------------------
const TIER = { District: 0, Street: 1, Community: 2, Grid: 3, MicroGrid: 4, Compound: 4, Building: 5 };
const ORG_TIER = { street_working_committee: 1, street_office: 1, community_committee: 2, residents_committee: 2,
                   villagers_committee: 2, big_party_committee: 2, compound_branch: 4, building_group: 5 };

function tierOf(n) {
  if (n.label in TIER) return TIER[n.label];
  if (n.properties.kind in ORG_TIER) return ORG_TIER[n.properties.kind];
  if (["PropertyCompany", "OwnersCommittee", "PropertyMgmtCommittee"].includes(n.label)) return 4.5;
  return 2.5;  // units, cadres, members: beside the community
}

async function show(res, { title, mode, center = null, place = null, path = false }) {
  if (!res.ok) {
    setStatus(describe(res), "error");
    return null;
  }
  const g = res.body;
  view.clear();
  view.merge(g, { place, pathKeys: path ? new Set(g.nodes.map((n) => n.id)) : null });
  view.markCenter(center);
  state.mode = mode;
  $("#view-title").textContent = title;
  document.body.dataset.state = "ready";
  refreshSide();
  if (mode !== "issue") renderTrail(null);
  const cut = g.truncated ? " — cut at a limit; expand nodes to see more" : "";
  setStatus(g.nodes.length ? `${g.nodes.length} nodes, ${g.links.length} links${cut}` : "Nothing found.",
            g.truncated ? "warn" : "");
  if (center) selectNode(center, { expand: false });
  else resetProps();
  return g;
}

async function showCommunity(id) {
  setStatus("Loading…");
  const res = await getJSON(`${API}/community/${enc(id)}`);
  const name = res.ok ? (res.body.nodes.find((n) => n.id === `Community:${id}`) || {}).name : id;
  // Small pictures read best in layers (district at the top, buildings at the bottom); a big one
  // only leans that way, so its compounds can gather their buildings around them.
  const small = !res.ok || res.body.nodes.length <= 80;
  return show(res, { title: `Community picture: ${name}`, mode: "community", center: `Community:${id}`,
                     place: (n) => ({ ty: tierOf(n) * (small ? 130 : 220), pull: small ? 0.5 : 0.04 }) });
}

async function showNeighbourhood(id, label = null) {
  setStatus("Loading…");
  const depth = Number($("#depth").value);
  const res = await getJSON(nodeUrl(id, label, depth));
  if (res.status === 409) return chooseLabel(res.body, (l) => showNeighbourhood(id, l));
  const center = res.ok ? centerKey(res.body, id, label) : null;
  const name = center ? res.body.nodes.find((n) => n.id === center).name : id;
  return show(res, { title: `Neighbourhood of ${name} (depth ${depth})`, mode: "neighbourhood", center });
}

function centerKey(g, id, label) {
  const n = g.nodes.find((x) => x.properties.id === id && (!label || x.label === label));
  return n ? n.id : null;
}

async function showIssue(id) {
  setStatus("Loading…");
  const res = await getJSON(`${API}/issue/${enc(id)}`);
  // The trail reads left to right: the issue, then its steps in order; who acted below the steps,
  // the areas at the bottom.
  const handlers = new Set(res.ok ? res.body.links.filter((l) => l.type === "BY").map((l) => l.target) : []);
  const g = await show(res, { title: `Escalation trail of issue ${id}`, mode: "issue", center: `Issue:${id}`,
    place: (n) => (n.label === "Step" ? { tx: n.properties.seq * 130, ty: 0, pull: 0.6 }
                 : n.label === "Issue" ? { tx: 0, ty: 0, pull: 0.6 }
                 : handlers.has(n.id) ? { ty: 150, pull: 0.3 }
                 : n.label in TIER ? { ty: 260 + TIER[n.label] * 70, pull: 0.3 } : undefined) });
  renderTrail(g);
}

function parseRef(text) {
  // "Label:id" names the label too (what the page shows as a node's key); a bare id does not.
  const m = /^([A-Z][A-Za-z]+):(.+)$/.exec(text.trim());
  return m && m[1] in COLORS ? { id: m[2], label: m[1] } : { id: text.trim(), label: null };
}

async function showPath(fromText, toText, labels = {}) {
  setStatus("Looking for a path…");
  const from = parseRef(fromText), to = parseRef(toText);
  const fromLabel = labels.from_label || from.label, toLabel = labels.to_label || to.label;
  const maxHops = Number($("#max-hops").value) || 6;
  let url = `${API}/path?from=${enc(from.id)}&to=${enc(to.id)}&max_hops=${maxHops}`;
  if (fromLabel) url += `&from_label=${enc(fromLabel)}`;
  if (toLabel) url += `&to_label=${enc(toLabel)}`;
  const res = await getJSON(url);
  if (res.status === 409) {
    return chooseLabel(res.body, (l) => showPath(fromText, toText, { from_label: fromLabel, to_label: toLabel, [res.body.param]: l }));
  }
  if (res.ok && !res.body.nodes.length) {
    setStatus(`No path between ${from.id} and ${to.id} within ${maxHops} hops.`, "warn");
    return null;
  }
  return show(res, { title: `Path: ${from.id} → ${to.id}`, mode: "path", path: true,
                     place: (n) => { const i = res.body.nodes.indexOf(n); return { tx: i * 150, ty: (i % 2) * 70, pull: 0.6 }; } });
}

function chooseLabel(body, then) {
  setStatus(`${body.detail}. Pick one:`, "warn");
  const list = $("#search-results");
  list.replaceChildren(...body.labels.map((label) => resultItem({ id: body.id, label, name: `${body.id} as ${label}` }, () => then(label))));
  list.hidden = false;
}

// --- expanding and selecting ------------------------------------------------------------------
async function expand(key) {
  const d = view.nodes.get(key);
  if (!d) return;
  const res = await getJSON(nodeUrl(d.data.properties.id, d.data.label, 1, 60));
  if (!res.ok) return setStatus(describe(res), "error");
  const before = view.nodes.size;
  view.merge(res.body, { near: key });
  refreshSide();
  const added = view.nodes.size - before;
  setStatus(`${view.nodes.size} nodes, ${view.links.size} links (+${added} around ${d.data.name})` +
            (res.body.truncated ? " — more neighbours than shown" : ""), res.body.truncated ? "warn" : "");
}

function selectNode(key, { expand: doExpand = false } = {}) {
  const d = view.nodes.get(key);
  if (!d) return;
  state.selected = key;
  view.select(key);
  renderProps(d.data, nodeActions(d.data));
  if (doExpand) expand(key);
}

function nodeActions(n) {
  const id = n.properties.id;
  const actions = [["Neighbourhood", () => go(`#node/${enc(n.label)}/${enc(id)}`)]];
  if (n.label === "Community") actions.push(["Community picture", () => go(`#community/${enc(id)}`)]);
  if (n.label === "Issue") actions.push(["Escalation trail", () => go(`#issue/${enc(id)}`)]);
  actions.push(["Path from here", () => { $("#path-from").value = n.id; $("#path-to").focus(); }]);
  actions.push(["Path to here", () => { $("#path-to").value = n.id; $("#path-from").focus(); }]);
  return actions;
}

const refreshSide = () => renderSide([...view.nodes.values()].map((d) => d.data), (key) => selectNode(key));
const renderTrail = (g) => renderTrailPanel(g, (key) => selectNode(key));
function resetProps() { state.selected = null; resetPropsPanel(); }

// --- search ------------------------------------------------------------------------------------
function resultItem(hit, onPick) {
  const li = document.createElement("li");
  const b = document.createElement("button");
  b.type = "button";
  Object.assign(b.dataset, { id: hit.id, label: hit.label || "" });
  b.innerHTML = `<span class="swatch"></span><span></span><span class="id"></span>`;
  b.children[0].style.background = colorOf(hit.label);
  b.children[1].textContent = hit.name;
  b.children[2].textContent = `${hit.label || ""} ${hit.id}`;
  b.onclick = () => { $("#search-results").hidden = true; onPick(); };
  li.append(b);
  return li;
}

function openHit(hit) {
  if (hit.label === "Community") go(`#community/${enc(hit.id)}`);
  else if (hit.label === "Issue") go(`#issue/${enc(hit.id)}`);
  else go(hit.label ? `#node/${enc(hit.label)}/${enc(hit.id)}` : `#node/${enc(hit.id)}`);
}

let searchSeq = 0;
async function runSearch(q, { openSingle = false } = {}) {
  const list = $("#search-results");
  if (!q.trim()) { list.hidden = true; return; }
  const seq = ++searchSeq;
  const hits = await searchNodes(q.trim(), getJSON);
  if (seq !== searchSeq) return;  // a newer search is on its way
  if (openSingle && hits.length === 1) { list.hidden = true; return openHit(hits[0]); }
  list.replaceChildren(...(hits.length ? hits.map((h) => resultItem(h, () => openHit(h)))
    : [Object.assign(document.createElement("li"), { className: "empty", textContent: `Nothing matches “${q}”.` })]));
  list.hidden = false;
}

// --- routing (the address bar holds the picture) ---------------------------------------------
function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  const parts = location.hash.replace(/^#/, "").split("/").map(decodeURIComponent);
  const [kind, a, b] = parts;
  if (kind === "community" && a) return showCommunity(a);
  if (kind === "issue" && a) { $("#issue-id").value = a; return showIssue(a); }
  if (kind === "node" && a) return b ? showNeighbourhood(b, a) : showNeighbourhood(a);
  if (kind === "path" && a && b) { $("#path-from").value = a; $("#path-to").value = b; return showPath(a, b); }
}

// --- wiring ------------------------------------------------------------------------------------
$("#search-form").addEventListener("submit", (ev) => { ev.preventDefault(); runSearch($("#search-input").value); });
let typing = null;
$("#search-input").addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => runSearch($("#search-input").value), 300);
});
document.addEventListener("click", (ev) => { if (!ev.target.closest("#search-form")) $("#search-results").hidden = true; });
document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") $("#search-results").hidden = true; });
$("#path-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  go(`#path/${enc($("#path-from").value.trim())}/${enc($("#path-to").value.trim())}`);
});
$("#issue-form").addEventListener("submit", (ev) => { ev.preventDefault(); go(`#issue/${enc($("#issue-id").value.trim())}`); });
for (const b of document.querySelectorAll(".use-selected")) {
  b.addEventListener("click", () => { if (state.selected) $("#" + b.dataset.target).value = state.selected; });
}
$("#depth").addEventListener("change", () => { if (state.mode === "neighbourhood") route(); });
$("#clear").addEventListener("click", () => {
  view.clear(); refreshSide(); renderTrail(null); resetProps(); setStatus("");
  document.body.dataset.state = "empty";
  history.replaceState(null, "", location.pathname);
});
window.addEventListener("hashchange", route);
window.addEventListener("resize", () => view.paint());
route();
