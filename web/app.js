// The page: search (names, ids, search phrases), pictures (community, neighbourhood, path, issue
// timeline), expanding by relationship type, hide / collapse / undo / redo, style rules, export.
// Reads the graph-view API (docs/graph-json.md); the address bar holds the view (url.js).
import { Canvas } from "./canvas.js";
import { foldCounts } from "./fold.js";
import { History } from "./history.js";
import { pickLang, translate } from "./i18n.js";
import { lanes, timeline } from "./layouts.js";
import { ViewModel, linkKey } from "./model.js";
import { renderExpandMenu, renderLegend, renderNodeList, renderPhraseRows, renderProps, renderRules, renderTrail,
         resetProps } from "./panels.js";
import { parsePhrase, phraseText, phrasesFor, rowKeys } from "./phrases.js";
import { colorOf as baseColor, labelPriorities, numericProps, sizes } from "./rules.js";
import { searchNodes } from "./search.js";
import { formatHash, parseHash } from "./url.js";
import { Vocabulary } from "./vocab.js";

const API = "/api/v1/graph";
const $ = (sel) => document.querySelector(sel);
const enc = encodeURIComponent;

const lang = pickLang(location.search, localStorage.getItem("grassroots.lang"));
localStorage.setItem("grassroots.lang", lang);
const t = (key, params) => translate(lang, key, params);
let vocab = new Vocabulary({}, lang);

const model = new ViewModel();
const history = new History();
const state = {
  route: [], mode: null, center: null, layout: "lanes", title: "", base: new Set(), selected: null,
  hiddenLabels: new Set(), rules: JSON.parse(localStorage.getItem("grassroots.rules") || "{}"), ruleLabel: null,
  more: null, caps: { expand_cap: 60, max_limit: 2000 }, pathKeys: null, writtenHash: null,
};
const colorOf = (label) => baseColor(label, state.rules);
let canvas = null;

// --- talking to the API ------------------------------------------------------------------------
// A server with keys on (docs/security.md) answers 401 without one: the page asks for it once and
// keeps it for this tab only (sessionStorage), sending it as `Authorization: Bearer`.
const KEY = "grassroots.key";
function askForKey() {
  const form = $("#key-form");
  if (!form.hidden) return;
  form.hidden = false;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY, $("#key-input").value.trim());
    location.reload();
  }, { once: true });
}

async function getJSON(url, init = {}) {
  let res;
  const headers = { Accept: "application/json", "Content-Type": "application/json" };
  const key = sessionStorage.getItem(KEY);
  if (key) headers.Authorization = `Bearer ${key}`;
  try {
    res = await fetch(url, { headers, ...init });
  } catch (e) {
    return { ok: false, status: 0, body: { detail: t("api_unreachable") } };
  }
  if (res.status === 401) askForKey();
  let body = null;
  try { body = await res.json(); } catch (e) { body = { detail: res.statusText }; }
  return { ok: res.ok, status: res.status, body };
}
const postJSON = (url, body) => getJSON(url, { method: "POST", body: JSON.stringify(body) });

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

// --- drawing -------------------------------------------------------------------------------------
function summary(extra = "") {
  const v = model.visible();
  return t("summary", { nodes: v.nodes.length, links: v.links.length }) + extra;
}

/** Draws the model: `place` = "layout" runs the chosen layout, "keep" keeps positions (new nodes near `near`). */
async function render({ place = "layout", near = null, positions = null } = {}) {
  const v = model.visible();
  const counts = foldCounts(model.into, model.nodes);
  const degree = new Map();
  for (const l of v.links) for (const k of [l.source, l.target]) degree.set(k, (degree.get(k) || 0) + 1);
  const folded = new Map([...counts].map(([k, c]) => [k, c.buildings + c.microGrids]));
  const size = sizes(v.nodes, state.rules, { degree, folded });
  const prio = labelPriorities(v.nodes, v.links, state.center);
  const items = {
    nodes: v.nodes.map((n) => {
      const c = counts.get(n.id), closed = c && !model.open.has(n.id);
      return { key: n.id, code: n.label, color: colorOf(n.label), size: size.get(n.id), prio: prio.get(n.id),
               label: n.label === "Step" && n.properties.at ? `${vocab.nodeName(n)}\n${n.properties.at.slice(5, 10)}` : vocab.nodeName(n),
               badge: closed ? c.buildings + c.microGrids : null,
               above: state.mode === "issue" && n.label === "Step" && n.properties.seq % 2 === 0 };  // a timeline staggers step names
    }),
    links: v.links.map((l) => ({ key: linkKey(l), source: l.source, target: l.target, label: vocab.rel(l.type),
                                 path: !!state.pathKeys && state.pathKeys.has(l.source) && state.pathKeys.has(l.target) })),
  };
  let opts = { fit: place === "layout" };
  if (positions) opts = { positions, fit: false };
  else if (place === "layout") {
    const laid = domainLayout(v);
    opts = laid ? { positions: laid.positions, boxes: laid.boxes, fit: true, labelSpace: laid.labelSpace }
      : { layout: state.layout, fit: true };
  } else opts = { near, fit: false };
  const rings = ringsFromCenter(v);
  for (const it of items.nodes) it.ring = rings.get(it.key) ?? 0;
  await canvas.draw(items, opts);
  canvas.filterLabels(state.hiddenLabels);
  canvas.markCenter(state.center);
  if (state.selected && model.nodes.has(state.selected)) canvas.select(state.selected);
  refreshSide();
  refreshButtons();
  writeHash();
  document.body.dataset.state = model.nodes.size ? "ready" : "empty";
  document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
}

function domainLayout(v) {
  if (state.layout === "lanes" && state.mode === "issue") {
    const laid = timeline(v.nodes, v.links);
    laid.boxes.forEach((b) => { b.title = vocab.name("level", b.lane); });
    return laid;
  }
  if (state.layout === "lanes" && state.mode === "community") {
    const box = $("#graph").getBoundingClientRect();
    const laid = lanes(v.nodes, v.links, { aspect: Math.max(0.5, box.width / Math.max(1, box.height)) });
    laid.boxes.forEach((b) => { b.title = t(`lanes.${b.lane}`); });
    return laid;
  }
  if (state.layout === "lanes" && state.mode === "path") {
    const order = state.pathOrder || [];
    return { positions: new Map(order.map((k, i) => [k, { x: i * 170, y: (i % 2) * 60 }])), boxes: [] };
  }
  return null;
}

// The concentric layout's rings: hops from the centre, a hop of many nodes split over several rings.
function ringsFromCenter(v) {
  const next = new Map(v.nodes.map((n) => [n.id, []]));
  for (const l of v.links) { next.get(l.source)?.push(l.target); next.get(l.target)?.push(l.source); }
  const hop = new Map(state.center && next.has(state.center) ? [[state.center, 0]] : []);
  const queue = [...hop.keys()];
  while (queue.length) {
    const k = queue.shift();
    for (const m of next.get(k) || []) if (!hop.has(m)) { hop.set(m, hop.get(k) + 1); queue.push(m); }
  }
  const byHop = new Map();
  for (const n of v.nodes) {
    const h = hop.has(n.id) ? hop.get(n.id) : 9;
    if (!byHop.has(h)) byHop.set(h, []);
    byHop.get(h).push(n);
  }
  const ring = new Map();
  let r = 0;
  for (const h of [...byHop.keys()].sort((a, b) => a - b)) {
    const ns = byHop.get(h).sort((a, b) => a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1));
    const per = Math.max(12, 12 + r * 8);
    ns.forEach((n, i) => ring.set(n.id, r + Math.floor(i / per)));
    r += Math.ceil(ns.length / per);
  }
  return ring;
}

function refreshSide() {
  const v = model.visible();
  const counts = new Map();
  for (const n of model.nodes.values()) if (!model.isFolded(n.id)) counts.set(n.label, (counts.get(n.label) || 0) + 1);
  renderLegend([...counts].sort((a, b) => b[1] - a[1]), state.hiddenLabels, toggleLabel, { vocab, colorOf });
  const labels = [...counts.keys()].sort();
  renderRules(labels, state.rules, state.ruleLabel, { t, vocab, colorOf, onChange: changeRule, sizeOptions: (label) => {
    const opts = [["none", t("size_none")], ["degree", t("size_degree")]];
    if (label === "Compound" && model.into.size) opts.push(["folded", t("size_folded")]);
    for (const p of numericProps(v.nodes.filter((n) => n.label === label))) opts.push([p, p]);
    return opts;
  } });
  renderNodeList(v.nodes, (key) => selectNode(key), { vocab, colorOf });
}

function refreshButtons() {
  $("#undo").disabled = !history.canUndo;
  $("#redo").disabled = !history.canRedo;
  for (const id of ["#hide", "#collapse"]) $(id).disabled = !state.selected;
  for (const id of ["#reveal", "#fit", "#relayout", "#export-png", "#export-svg", "#export-json", "#clear"]) $(id).disabled = !model.nodes.size;
}

function toggleLabel(label) {
  if (state.hiddenLabels.has(label)) state.hiddenLabels.delete(label); else state.hiddenLabels.add(label);
  canvas.filterLabels(state.hiddenLabels);
  refreshSide();
}

function changeRule(label, change) {
  state.ruleLabel = label;
  state.rules[label] = { ...(state.rules[label] || {}), ...change };
  localStorage.setItem("grassroots.rules", JSON.stringify(state.rules));
  render({ place: "keep" });
}

// --- changes that undo can take back --------------------------------------------------------------
const PICTURE = ["route", "base", "mode", "center", "title", "layout", "pathKeys", "pathOrder", "selected"];
const moment = () => ({ model: model.snapshot(), positions: canvas.positions(),
                        picture: Object.fromEntries(PICTURE.map((k) => [k, state[k]])) });

function remember() { history.push(moment()); }

async function travel(which) {
  const to = which === "undo" ? history.undo(moment()) : history.redo(moment());
  if (!to) return;
  model.restore(to.model);
  Object.assign(state, to.picture);
  if (state.selected && !model.nodes.has(state.selected)) state.selected = null;
  $("#view-title").textContent = state.title || t("nothing_drawn");
  $("#layout").value = state.layout;
  await render({ positions: to.positions });
  if (!state.selected) resetProps(t);
  setStatus(`${t(which === "undo" ? "undone" : "redone")} ${summary()}`);
}

// --- cut notices ("load more") ----------------------------------------------------------------------
function showCut(g, more) {
  const left = Object.entries(g.left_out || {});
  state.more = left.length ? more : null;
  $("#cut").hidden = !left.length;
  if (left.length) $("#cut-text").textContent = t("cut", { counts: left.map(([l, n]) => `${vocab.label(l)} ${n}`).join("、") });
}

// --- pictures -----------------------------------------------------------------------------------
async function show(res, { title, mode, center = null, layout = null, fold = false, more = null, path = null }) {
  if (!res.ok) { setStatus(describe(res), "error"); return null; }
  const g = res.body;
  if (model.nodes.size) remember();
  state.route = state.pendingRoute;
  state.pathKeys = path && new Set(path);
  state.pathOrder = path || [];
  model.replace(g, { fold });
  state.base = new Set(g.nodes.map((n) => n.id));
  Object.assign(state, { mode, center, title, selected: null });
  if (layout) { state.layout = layout; $("#layout").value = layout; }
  $("#view-title").textContent = title;
  if (mode !== "issue") renderTrail(null, selectNode, { t, vocab });
  if (mode !== "phrase") renderPhraseRows(null, null, { vocab });
  await render();
  showCut(g, more);
  setStatus(g.nodes.length ? summary() : t("nothing_found"), g.truncated ? "warn" : "");
  if (center && model.nodes.has(center)) selectNode(center);
  else resetProps(t);
  return g;
}

async function showCommunity(id, caps = {}) {
  setStatus(t("loading"));
  const q = new URLSearchParams(caps).toString();
  const res = await getJSON(`${API}/community/${enc(id)}${q ? "?" + q : ""}`);
  const name = res.ok ? (res.body.nodes.find((n) => n.id === `Community:${id}`) || {}).name : id;
  return show(res, { title: t("title_community", { name }), mode: "community", center: `Community:${id}`,
                     layout: "lanes", fold: true,
                     more: res.ok && (() => showCommunity(id, { micro_grids: res.body.caps.micro_grids * 2, buildings: res.body.caps.buildings * 2 })) });
}

const nodeUrl = (id, label, { depth = 1, limit = null, types = null, direction = "both" } = {}) =>
  `${API}/neighbourhood/${enc(id)}?depth=${depth}${limit ? `&limit=${limit}` : ""}${label ? `&label=${enc(label)}` : ""}` +
  `${types ? `&types=${enc(types)}` : ""}${direction !== "both" ? `&direction=${direction}` : ""}`;

async function showNeighbourhood(id, label = null, limit = null) {
  setStatus(t("loading"));
  const depth = Number($("#depth").value);
  const res = await getJSON(nodeUrl(id, label, { depth, limit }));
  if (res.status === 409) return chooseLabel(res.body, (l) => go(["node", l, id]));
  const center = res.ok ? centerKey(res.body, id, label) : null;
  const name = center ? res.body.nodes.find((n) => n.id === center).name : id;
  return show(res, { title: t("title_neighbourhood", { name, depth }), mode: "neighbourhood", center,
                     layout: "concentric", more: res.ok && (() => showNeighbourhood(id, label, Math.min(state.caps.max_limit, res.body.caps.limit * 2))) });
}

function centerKey(g, id, label) {
  const n = g.nodes.find((x) => x.properties.id === id && (!label || x.label === label));
  return n ? n.id : null;
}

async function showIssue(id) {
  setStatus(t("loading"));
  $("#issue-id").value = id;
  const res = await getJSON(`${API}/issue/${enc(id)}`);
  const g = await show(res, { title: t("title_issue", { id }), mode: "issue", center: `Issue:${id}`, layout: "lanes" });
  if (g) renderTrail(g, selectNode, { t, vocab });
}

function parseRef(text) {
  // "Label:id" names the label too (the keys the page shows); a bare id does not.
  const m = /^([A-Z][A-Za-z]+):(.+)$/.exec(text.trim());
  return m && vocab.names.label && m[1] in vocab.names.label ? { id: m[2], label: m[1] } : { id: text.trim(), label: null };
}

function chosenTypes() {
  return [...document.querySelectorAll("#path-types input:checked")].map((c) => c.value);
}

async function showPath(fromText, toText, { labels = {}, types = chosenTypes() } = {}) {
  setStatus(t("looking_for_path"));
  const from = parseRef(fromText), to = parseRef(toText);
  const fromLabel = labels.from_label || from.label, toLabel = labels.to_label || to.label;
  const maxHops = Number($("#max-hops").value) || 6;
  let url = `${API}/path?from=${enc(from.id)}&to=${enc(to.id)}&max_hops=${maxHops}`;
  if (fromLabel) url += `&from_label=${enc(fromLabel)}`;
  if (toLabel) url += `&to_label=${enc(toLabel)}`;
  if (types.length) url += `&types=${enc(types.join(","))}`;
  const res = await getJSON(url);
  if (res.status === 409) {
    return chooseLabel(res.body, (l) => showPath(fromText, toText, { labels: { from_label: fromLabel, to_label: toLabel, [res.body.param]: l }, types }));
  }
  if (res.ok && !res.body.nodes.length) {
    setStatus(t("no_path", { from: from.id, to: to.id, hops: maxHops }), "warn");
    return null;
  }
  const g = await show(res, { title: t("title_path", { from: from.id, to: to.id }), mode: "path", layout: "lanes",
                              path: res.ok ? res.body.nodes.map((n) => n.id) : null });
  return g;
}

async function showPhrase(text) {
  const parsed = parsePhrase(text);
  if (!parsed) return runSearch(text);
  setStatus(t("loading"));
  const { phrase, anchor } = parsed;
  const found = await getJSON(`/api/v1/search?q=${enc(anchor)}&label=${enc(phrase.anchor)}&limit=10`);
  const hits = found.ok ? (found.body.items || found.body.results || found.body || []) : [];
  const list = Array.isArray(hits) ? hits : [];
  const hit = list.find((h) => (h.name || "") === anchor) || list[0];
  if (!hit) { setStatus(t("phrase_no_anchor", { name: anchor, label: vocab.label(phrase.anchor) }), "warn"); return; }
  const rows = [];
  for (const run of phrase.runs(hit.id)) {
    const res = await postJSON(`/api/v1/queries/${enc(run.query)}`, run.params);
    if (!res.ok) { setStatus(describe(res), "error"); return; }
    rows.push(...res.body.rows);
  }
  const { keys, rows: kept } = rowKeys(phrase, rows, hit.id);
  const res = await postJSON(`${API}/nodes`, { keys });
  const title = t("title_phrase", { text: phraseText(phrase, hit.name || anchor, lang) });
  await show(res, { title, mode: "phrase", center: `${phrase.anchor}:${hit.id}`, layout: "concentric" });
  renderPhraseRows(t("phrase_rows", { n: kept.length }), kept, { vocab });
  document.body.dataset.phraseRows = String(kept.length);
}

function chooseLabel(body, then) {
  setStatus(`${t("pick_label", { id: body.id })}`, "warn");
  const list = $("#search-results");
  list.replaceChildren(...body.labels.map((label) => resultItem({ id: body.id, label, name: t("as_label", { id: body.id, label: vocab.label(label) }) }, () => then(label))));
  list.hidden = false;
}

// --- expanding, hiding, collapsing, revealing ----------------------------------------------------
async function expand(key, type = null, direction = "both", limit = null) {
  const n = model.nodes.get(key);
  if (!n) return;
  const res = await getJSON(nodeUrl(n.properties.id, n.label, { types: type, direction, limit: limit || state.caps.expand_cap }));
  if (!res.ok) return setStatus(describe(res), "error");
  remember();
  const added = model.merge(res.body);
  await render({ place: "keep", near: key });
  showCut(res.body, () => expand(key, type, direction, Math.min(state.caps.max_limit, res.body.caps.limit * 2)));
  setStatus(summary(t("added", { added: added.length, name: vocab.nodeName(n) })), res.body.truncated ? "warn" : "");
  document.body.dataset.lastExpand = JSON.stringify(added);
}

async function hideSelected() {
  if (!state.selected) return;
  remember();
  model.remove([state.selected]);
  state.selected = null;
  resetProps(t);
  await render({ place: "keep" });
  setStatus(t("hidden_n", { n: 1 }) + " " + summary());
}

async function collapseSelected() {
  if (!state.selected) return;
  const leaves = model.leaves(state.selected);
  remember();
  model.remove(leaves);
  await render({ place: "keep" });
  setStatus(t("hidden_n", { n: leaves.length }) + " " + summary());
}

async function reveal() {
  const keys = [...model.nodes.keys()];
  const res = await postJSON(`${API}/nodes`, { keys });
  if (!res.ok) return setStatus(describe(res), "error");
  const before = model.links.size;
  remember();
  model.merge({ nodes: [], links: res.body.links });
  await render({ place: "keep" });
  setStatus(t("revealed", { n: model.links.size - before }) + " " + summary());
}

async function toggleFold(key) {
  remember();
  model.toggleFold(key);
  await render({ place: state.layout === "lanes" ? "layout" : "keep", near: key });
  selectNode(key);
}

function selectNode(key) {
  const n = model.nodes.get(key);
  if (!n) return;
  state.selected = key;
  canvas.select(key);
  renderProps(n, nodeActions(n), { t, vocab, color: colorOf(n.label) });
  refreshButtons();
  getJSON(`${API}/degrees/${enc(n.properties.id)}?label=${enc(n.label)}`).then((res) => {
    if (res.ok) renderExpandMenu(key, res.body.degrees, (type, dir) => expand(key, type, dir), { t, vocab });
  });
}

function onTap(key) {
  const counts = foldCounts(model.into, model.nodes);
  if (counts.has(key)) return toggleFold(key);  // a compound's count badge opens (and folds) its buildings
  selectNode(key);
  if ($("#expand-on-click").checked) expand(key);
}

function nodeActions(n) {
  const id = n.properties.id;
  const actions = [[t("neighbourhood"), () => go(["node", n.label, id])]];
  if (n.label === "Community") actions.push([t("community_picture"), () => go(["community", id])]);
  if (n.label === "Issue") actions.push([t("escalation_trail"), () => go(["issue", id])]);
  if (foldCounts(model.into, model.nodes).has(n.id)) actions.push([model.open.has(n.id) ? t("close_fold") : t("open_fold"), () => toggleFold(n.id)]);
  actions.push([t("path_from_here"), () => { $("#path-from").value = n.id; $("#path-to").focus(); }]);
  actions.push([t("path_to_here"), () => { $("#path-to").value = n.id; $("#path-from").focus(); }]);
  return actions;
}

// --- export ----------------------------------------------------------------------------------------
function download(blob, ext) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `grassroots-${state.mode || "view"}-${new Date().toISOString().slice(0, 10)}.${ext}`;
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  setStatus(t("exported", { what: a.download }));
}

// --- search --------------------------------------------------------------------------------------
function resultItem(hit, onPick) {
  const b = document.createElement("button");
  b.type = "button";
  Object.assign(b.dataset, { id: hit.id || "", label: hit.label || "", phrase: hit.phrase || "" });
  b.innerHTML = `<span class="swatch"></span><span></span><span class="id"></span>`;
  b.children[0].style.background = hit.phrase ? "transparent" : colorOf(hit.label);
  if (hit.phrase) b.children[0].textContent = "⌕";
  b.children[1].textContent = hit.name;
  b.children[2].textContent = hit.phrase ? t("phrase_suggest") : `${vocab.label(hit.label || "")} ${hit.id}`;
  b.onclick = () => { $("#search-results").hidden = true; onPick(); };
  const li = document.createElement("li");
  li.append(b);
  return li;
}

function openHit(hit) {
  if (hit.label === "Community") go(["community", hit.id]);
  else if (hit.label === "Issue") go(["issue", hit.id]);
  else go(hit.label ? ["node", hit.label, hit.id] : ["node", hit.id]);
}

let searchSeq = 0;
async function runSearch(q, { submit = false } = {}) {
  const list = $("#search-results");
  if (!q.trim()) { list.hidden = true; return; }
  if (submit && parsePhrase(q)) { list.hidden = true; return go(["phrase", q.trim()]); }
  const seq = ++searchSeq;
  const hits = await searchNodes(q.trim(), getJSON);
  if (seq !== searchSeq) return;  // a newer search is on its way
  const phrases = hits.slice(0, 3).flatMap((h) => phrasesFor(h).map((p) => ({ phrase: p.key, name: phraseText(p, h.name, lang) })));
  const items = [...hits.map((h) => resultItem(h, () => openHit(h))),
                 ...phrases.map((p) => resultItem(p, () => go(["phrase", p.name])))];
  list.replaceChildren(...(items.length ? items
    : [Object.assign(document.createElement("li"), { className: "empty", textContent: t("nothing_matches", { q }) })]));
  list.hidden = false;
}

// --- the address bar ----------------------------------------------------------------------------
function viewOpts() {
  const keys = new Set(model.nodes.keys());
  const opts = { layout: state.layout, add: [...keys].filter((k) => !state.base.has(k)),
                 hide: [...state.base].filter((k) => !keys.has(k)), open: [...model.open] };
  if (state.mode === "path") opts.types = chosenTypes();
  if (state.mode === "neighbourhood") opts.depth = $("#depth").value;
  return opts;
}

function writeHash() {
  if (!state.route.length) return;
  const h = formatHash(state.route, viewOpts());
  state.writtenHash = h;
  if (location.hash !== h) window.history.replaceState(null, "", h);
}

function go(route, opts = {}) {
  const h = formatHash(route, opts);
  if (location.hash === h) route_();
  else location.hash = h;
}

async function route_() {
  if (location.hash === state.writtenHash) return;  // our own record of the view
  const { route, opts } = parseHash(location.hash);
  const [kind, a, b] = route;
  if (!kind) return;
  state.pendingRoute = route;
  if (opts.depth) $("#depth").value = opts.depth;
  if (opts.types) for (const c of document.querySelectorAll("#path-types input")) c.checked = opts.types.includes(c.value);
  updateTypesCount();
  if (kind === "community" && a) await showCommunity(a);
  else if (kind === "issue" && a) await showIssue(a);
  else if (kind === "node" && a) await (b ? showNeighbourhood(b, a) : showNeighbourhood(a));
  else if (kind === "path" && a && b) { $("#path-from").value = a; $("#path-to").value = b; await showPath(a, b); }
  else if (kind === "phrase" && a) { $("#search-input").value = a; await showPhrase(a); }
  else return;
  await applyOpts(opts);
}

// A shared view: the picture, then what was added, hidden and opened since, and its layout.
async function applyOpts(opts) {
  let changed = false;
  if (opts.add && opts.add.length) {
    const res = await postJSON(`${API}/nodes`, { keys: [...model.nodes.keys(), ...opts.add] });
    if (res.ok) { model.merge(res.body); changed = true; }
  }
  if (opts.hide && opts.hide.length) { model.remove(opts.hide); changed = true; }
  for (const k of opts.open || []) if (!model.open.has(k)) { model.toggleFold(k); changed = true; }
  if (opts.layout && opts.layout !== state.layout) { state.layout = opts.layout; $("#layout").value = opts.layout; changed = true; }
  if (changed) { history.clear(); await render(); }
}

// --- wiring -------------------------------------------------------------------------------------
function translatePage() {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll("[data-i18n-placeholder]")) e.placeholder = t(e.dataset.i18nPlaceholder);
  for (const e of document.querySelectorAll("[data-i18n-title]")) e.title = t(e.dataset.i18nTitle);
  const link = (href, text) => `<a href="${href}">${text}</a>`;
  $("#welcome").innerHTML = `<p>${t("welcome", { a: link("#community/350802006002", "天马社区 (350802006002)"), b: link("#node/District/350802", "新罗区 (350802)") })}</p>` +
    `<p>${t("welcome_phrases", { p1: link(`#phrase/${enc("天马社区 的共建单位")}`, "天马社区 的共建单位"), p2: link(`#phrase/${enc("曹溪街道 滞留问题")}`, "曹溪街道 滞留问题") })}</p>` +
    `<p>${t("welcome_help")}</p>`;
}

function pathTypeBoxes() {
  const box = $("#path-types");
  const types = Object.keys(vocab.names.relationship || {});
  box.replaceChildren(...types.map((type) => {
    const l = document.createElement("label");
    l.className = "check";
    l.innerHTML = `<input type="checkbox"> <span></span>`;
    l.firstChild.value = type;
    l.firstChild.onchange = updateTypesCount;
    l.lastChild.textContent = vocab.rel(type);
    l.title = type;
    return l;
  }));
}

function updateTypesCount() {
  const n = chosenTypes().length;
  $("#path-types-count").textContent = n ? `(${n})` : "";
}

function wire() {
  $("#search-form").addEventListener("submit", (ev) => { ev.preventDefault(); runSearch($("#search-input").value, { submit: true }); });
  let typing = null;
  $("#search-input").addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => runSearch($("#search-input").value), 300);
  });
  document.addEventListener("click", (ev) => { if (!ev.target.closest("#search-form")) $("#search-results").hidden = true; });
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") $("#search-results").hidden = true;
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "z" && !ev.target.closest("input")) { ev.preventDefault(); travel(ev.shiftKey ? "redo" : "undo"); }
  });
  $("#path-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    go(["path", $("#path-from").value.trim(), $("#path-to").value.trim()], { types: chosenTypes() });
  });
  $("#issue-form").addEventListener("submit", (ev) => { ev.preventDefault(); go(["issue", $("#issue-id").value.trim()]); });
  for (const b of document.querySelectorAll(".use-selected")) {
    b.addEventListener("click", () => { if (state.selected) $("#" + b.dataset.target).value = state.selected; });
  }
  $("#depth").addEventListener("change", () => { if (state.mode === "neighbourhood") { state.writtenHash = null; route_(); } });
  $("#layout").addEventListener("change", () => { state.layout = $("#layout").value; render(); });
  $("#relayout").addEventListener("click", () => render());
  $("#fit").addEventListener("click", () => canvas.fit());
  $("#undo").addEventListener("click", () => travel("undo"));
  $("#redo").addEventListener("click", () => travel("redo"));
  $("#hide").addEventListener("click", hideSelected);
  $("#collapse").addEventListener("click", collapseSelected);
  $("#reveal").addEventListener("click", reveal);
  $("#load-more").addEventListener("click", () => state.more && state.more());
  $("#export-png").addEventListener("click", async () => download(await canvas.png(), "png"));
  $("#export-svg").addEventListener("click", () => { const b = canvas.svg(); if (b) download(b, "svg"); });
  $("#export-json").addEventListener("click", () => download(new Blob([JSON.stringify(model.toGraph(), null, 1)], { type: "application/json" }), "json"));
  $("#clear").addEventListener("click", async () => {
    remember();
    model.replace({ nodes: [], links: [] });
    Object.assign(state, { route: [], mode: null, center: null, selected: null, base: new Set() });
    await render();
    renderTrail(null, selectNode, { t, vocab });
    resetProps(t);
    setStatus("");
    $("#cut").hidden = true;
    window.history.replaceState(null, "", location.pathname + location.search);
  });
  $("#lang").addEventListener("click", () => {
    const next = lang === "zh" ? "en" : "zh";
    localStorage.setItem("grassroots.lang", next);
    const u = new URL(location.href);
    u.searchParams.set("lang", next);
    location.assign(u.toString());
  });
  window.addEventListener("hashchange", route_);
}

async function start() {
  translatePage();
  resetProps(t);
  canvas = new Canvas($("#graph"), { select: onTap, background: () => {} });
  wire();
  const [v, caps] = await Promise.all([Vocabulary.load(lang, getJSON), getJSON(`${API}/caps`)]);
  vocab = v;
  if (caps.ok) state.caps = caps.body;
  pathTypeBoxes();
  refreshButtons();
  window.grassroots = { canvas, model, state, names: () => canvas.writtenNames() };  // for tests and the console
  await route_();
  document.body.dataset.booted = "1";
}

start().catch((e) => {
  setStatus(`${t("error_prefix")}${e.message}${/cytoscape/i.test(String(e)) ? " — " + t("deps_missing") : ""}`, "error");
  throw e;
});
