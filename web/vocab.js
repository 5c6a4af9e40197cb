// Display names of the model's coded values, from GET /api/v1/vocabulary?lang= ({domain: {code: name}}).
// A code without a name shows as itself, so a page on an older server still reads.

// Which vocabulary domain names a property's values, per label (properties not listed show as they are).
const PROPERTY_DOMAINS = {
  "*": { level: "level", action: "action", status: "issue_status", channel: "channel", category: "category",
         roles: "role", role: "role", between: "between" },
  Street: { kind: "street_kind" }, Community: { kind: "community_kind" }, Grid: { kind: "grid_kind" },
  Compound: { property_mode: "property_mode" }, PartyOrg: { kind: "party_org_kind" },
  AdminOrg: { kind: "admin_org_kind" }, Unit: { kind: "unit_kind", level: "unit_level" },
  Document: { kind: "document_kind" }, Evaluation: { kind: "evaluation_kind" }, Meeting: { kind: "meeting_kind" },
  Task: { status: "task_status" },
};

export class Vocabulary {
  constructor(names = {}, lang = "zh") { this.names = names; this.lang = lang; }

  static async load(lang, getJSON) {
    const res = await getJSON(`/api/v1/vocabulary?lang=${encodeURIComponent(lang)}`);
    return new Vocabulary(res.ok ? res.body : {}, lang);
  }

  name(domain, code) {
    const d = this.names[domain];
    return (d && d[code]) || code;
  }

  label(code) { return this.name("label", code); }
  rel(code) { return this.name("relationship", code); }

  /** A property's value as people read it (a coded value by its name; lists joined). */
  value(label, key, v) {
    const domain = (PROPERTY_DOMAINS[label] || {})[key] || PROPERTY_DOMAINS["*"][key];
    const one = (x) => (domain && typeof x === "string" ? this.name(domain, x) : x === null ? "—" : String(x));
    return Array.isArray(v) ? v.map(one).join("、") : one(v);
  }

  /** A step's full name: "3. 受理（社区）" / "3. Accepted (community)". */
  step(p) {
    const action = this.name("action", p.action), level = this.name("level", p.level);
    return this.lang === "en" ? `${p.seq}. ${action} (${level})` : `${p.seq}. ${action}（${level}）`;
  }

  /** What to write beside a node: the API's name, except for steps, whose name is built here in the page's language. */
  nodeName(n) {
    return n.label === "Step" ? this.step(n.properties) : n.name;
  }
}
