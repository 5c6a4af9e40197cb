// The view as an SVG drawing: links as lines, nodes as circles or rounded squares in their
// colours, names under them, as the canvas shows them. Our own few lines, because the SVG plugin
// of Cytoscape.js (cytoscape-svg) is GPL-3.0, which the project's MIT licence cannot ship.

const escape = (s) => String(s).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]);

/**
 * nodes: [{x, y, size, color, label, square}], links: [{x1, y1, x2, y2, color}] in graph units.
 * Returns the SVG text, its view box fitted to the drawing with a margin.
 */
export function drawing(nodes, links, { margin = 40, font = 12 } = {}) {
  if (!nodes.length) return '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>';
  const xs = nodes.flatMap((n) => [n.x - n.size / 2, n.x + n.size / 2]);
  const ys = nodes.flatMap((n) => [n.y - n.size / 2, n.y + n.size / 2 + font * 1.6]);
  const x0 = Math.min(...xs) - margin, y0 = Math.min(...ys) - margin;
  const w = Math.max(...xs) + margin - x0, h = Math.max(...ys) + margin - y0;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x0} ${y0} ${w} ${h}" width="${Math.round(w)}" height="${Math.round(h)}">`,
    `<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="#ffffff"/>`,
    `<g stroke-width="1.2" fill="none">`,
    ...links.map((l) => `<line x1="${l.x1}" y1="${l.y1}" x2="${l.x2}" y2="${l.y2}" stroke="${escape(l.color || "#9aa5b1")}"/>`),
    "</g>",
    `<g font-family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif" font-size="${font}" text-anchor="middle" fill="#1f2933">`,
  ];
  for (const n of nodes) {
    const r = n.size / 2;
    out.push(n.square
      ? `<rect x="${n.x - r}" y="${n.y - r}" width="${n.size}" height="${n.size}" rx="${r / 4}" fill="${escape(n.color)}" stroke="#ffffff"/>`
      : `<circle cx="${n.x}" cy="${n.y}" r="${r}" fill="${escape(n.color)}" stroke="#ffffff"/>`);
    if (n.label) out.push(`<text x="${n.x}" y="${n.y + r + font * 1.2}">${escape(n.label)}</text>`);
  }
  out.push("</g>", "</svg>");
  return out.join("\n");
}
