// Search phrases: named, parameterized catalogue queries run from the search box. "天马社区 的共建单位"
// finds the community 天马社区 (the anchor), runs the catalogue query community_units for it
// (POST /api/v1/queries/{name}) and draws the nodes its rows name, with the links between them.

const BETWEENS = ["grid-community", "community-street", "street-district"];

export const PHRASES = [
  { key: "paired_units", anchor: "Community", zh: ["的共建单位", "共建单位"], en: ["paired units", "units"],
    runs: (id) => [{ query: "community_units", params: { community_id: id } }],
    keys: { unit_id: "Unit", community_id: "Community" } },
  { key: "stalled", anchor: "Street", zh: ["的滞留问题", "滞留问题"], en: ["stalled issues"],
    runs: (id) => BETWEENS.map((between) => ({ query: "issues_stalled", params: { between, street: id, limit: 5000 } })),
    keys: { issue_id: "Issue", community_id: "Community", street_id: "Street" } },
  { key: "overdue", anchor: "Street", zh: ["的超期问题", "超期问题"], en: ["overdue issues"],
    runs: (id) => [{ query: "issues_overdue", params: { street: id, limit: 5000 } }],
    keys: { issue_id: "Issue", community_id: "Community", street_id: "Street" } },
  { key: "unit_grids", anchor: "Unit", zh: ["联系的网格", "的网格"], en: ["grids"],
    runs: (id) => [{ query: "unit_grids", params: { unit_id: id, limit: 5000 } }],
    keys: { grid_id: "Grid", community_id: "Community" } },
];

/** "天马社区 的共建单位" -> {phrase, anchor: "天马社区"}; null when the text ends in no phrase.
 *  Both languages' words are understood whichever language the page shows. */
export function parsePhrase(text) {
  const t = text.trim();
  let best = null;
  for (const phrase of PHRASES) {
    for (const words of [...phrase.zh, ...phrase.en]) {
      const lower = t.toLowerCase();
      if (!lower.endsWith(words.toLowerCase())) continue;
      const anchor = t.slice(0, t.length - words.length).replace(/(['’]s|的)\s*$/, "").trim();
      if (anchor && (!best || words.length > best.len)) best = { phrase, anchor, len: words.length };
    }
  }
  return best && { phrase: best.phrase, anchor: best.anchor };
}

/** The phrase as a person types it, in the page's language. */
export const phraseText = (phrase, anchorName, lang) =>
  lang === "en" ? `${anchorName} ${phrase.en[0]}` : `${anchorName} ${phrase.zh[0]}`;

/** Phrases that can start from a search hit ({label, name}). */
export const phrasesFor = (hit) => PHRASES.filter((p) => p.anchor === hit.label);

/** The node keys ("Label:id") the rows name, the anchor's first. The queries are narrowed to the
 *  anchor on the server (e.g. `street` for the issue phrases), so every row is kept. */
export function rowKeys(phrase, rows, anchorId) {
  const keys = [`${phrase.anchor}:${anchorId}`];
  for (const r of rows) {
    for (const [col, label] of Object.entries(phrase.keys)) if (r[col] != null) keys.push(`${label}:${r[col]}`);
  }
  return { keys: [...new Set(keys)], rows };
}
