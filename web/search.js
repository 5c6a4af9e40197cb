// Finds nodes for the search box: the API's name search (GET /api/v1/search?q=) where the server
// has it, plus an exact id match through the graph view (so an id always works, and the page
// still works on a server without the search endpoint).

export async function searchNodes(q, getJSON) {
  const [named, byId] = await Promise.all([
    getJSON(`/api/v1/search?q=${encodeURIComponent(q)}`),
    getJSON(`/api/v1/graph/neighbourhood/${encodeURIComponent(q)}?limit=1`),
  ]);
  const hits = [];
  if (byId.ok) {
    const n = byId.body.nodes.find((x) => x.properties.id === q);
    if (n) hits.push({ id: q, label: n.label, name: n.name });
  } else if (byId.status === 409) {
    for (const label of byId.body.labels) hits.push({ id: q, label, name: `${q} (${label})` });
  }
  if (named.ok) hits.push(...hitsOf(named.body));
  const seen = new Set();
  return hits.filter((h) => h.id && !seen.has(`${h.label}:${h.id}`) && seen.add(`${h.label}:${h.id}`));
}

// The search answer as [{id, label, name}], whichever of the usual shapes it comes in.
function hitsOf(body) {
  const list = Array.isArray(body) ? body : body.results || body.hits || body.items || body.nodes || [];
  return list.map((h) => {
    const p = h.properties || h.node?.properties || {};
    const labels = h.labels || h.node?.labels || [];
    return {
      id: h.id ?? p.id,
      // A district department may also carry `Unit`: draw it as what it most specifically is.
      label: h.label ?? (labels.includes("Department") ? "Department" : labels[0]) ?? null,
      name: h.name ?? h.title ?? p.name ?? p.title ?? String(h.id ?? p.id),
    };
  });
}
