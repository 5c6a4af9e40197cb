// The address bar holds the view: "#community/350802006002?layout=dagre&add=Person:P2&hide=Building:B1".
// The route names the picture; the options say what was added, hidden or opened since, and how it is laid out.

const LISTS = ["add", "hide", "open", "types"];

export function parseHash(hash) {
  const h = hash.replace(/^#/, "");
  const q = h.indexOf("?");
  const route = (q < 0 ? h : h.slice(0, q)).split("/").filter((x) => x !== "").map(decodeURIComponent);
  const params = new URLSearchParams(q < 0 ? "" : h.slice(q + 1));
  const opts = {};
  for (const [k, v] of params) opts[k] = LISTS.includes(k) ? v.split(",").filter(Boolean) : v;
  return { route, opts };
}

export function formatHash(route, opts = {}) {
  const path = route.map((p) => encodeURIComponent(p)).join("/");
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(opts)) {
    if (v == null || (Array.isArray(v) && !v.length) || v === "") continue;
    params.set(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  const s = params.toString();
  return `#${path}${s ? "?" + s : ""}`;
}
