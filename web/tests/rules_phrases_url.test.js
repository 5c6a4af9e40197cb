import { test } from "node:test";
import assert from "node:assert/strict";
import { labelPriorities, numericProps, sizes } from "../rules.js";
import { parsePhrase, phraseText, rowKeys } from "../phrases.js";
import { formatHash, parseHash } from "../url.js";
import { pickLang, translate } from "../i18n.js";
import { Vocabulary } from "../vocab.js";

const node = (id, label, properties = {}) => ({ id, label, labels: [label], name: id, properties });

test("a size rule scales a label's nodes by a property, others keep their base size", () => {
  const ns = [node("Issue:a", "Issue", { satisfaction: 1 }), node("Issue:b", "Issue", { satisfaction: 5 }),
              node("Issue:c", "Issue", {}), node("Grid:g", "Grid", { satisfaction: 5 })];
  const s = sizes(ns, { Issue: { size_by: "satisfaction" } });
  assert.ok(s.get("Issue:a") < s.get("Issue:b"));
  assert.equal(s.get("Issue:c"), 22);                // no value: the base size
  assert.equal(s.get("Grid:g"), 22);                 // no rule for grids
  assert.deepEqual(numericProps(ns), ["satisfaction"]);
  const d = sizes(ns, { Grid: { size_by: "degree" } }, { degree: new Map([["Grid:g", 4]]) });
  assert.equal(d.get("Grid:g"), Math.round(22 * 1.45));  // the only value: the middle of the range
});

test("the secretary, paired units, grids and compounds carry the top label priority", () => {
  const ns = [node("Person:P1", "Person"), node("Person:P3", "Person"), node("Unit:U1", "Unit"), node("Unit:U9", "Unit"),
              node("Grid:G1", "Grid"), node("Building:B1", "Building"), node("PartyOrg:BG", "PartyOrg", { kind: "building_group" })];
  const ls = [{ source: "Person:P1", type: "SECRETARY_OF", target: "PartyOrg:BPC" }, { source: "Unit:U1", type: "PAIRED_WITH", target: "Community:C" }];
  const p = labelPriorities(ns, ls);
  assert.deepEqual(Object.fromEntries(p), { "Person:P1": 0, "Person:P3": 1, "Unit:U1": 0, "Unit:U9": 1, "Grid:G1": 0,
                                            "Building:B1": 3, "PartyOrg:BG": 3 });
});

test("search phrases in Chinese and English", () => {
  const a = parsePhrase("天马社区 的共建单位");
  assert.equal(a.phrase.key, "paired_units");
  assert.equal(a.anchor, "天马社区");
  assert.equal(parsePhrase("天马社区共建单位").anchor, "天马社区");
  assert.equal(parsePhrase("曹溪街道 滞留问题").phrase.key, "stalled");
  assert.equal(parsePhrase("Caoxi stalled issues").anchor, "Caoxi");
  assert.equal(parsePhrase("天马社区"), null);
  assert.equal(parsePhrase("的共建单位"), null);      // no anchor
  assert.equal(phraseText(a.phrase, "天马社区", "zh"), "天马社区 的共建单位");
  assert.equal(phraseText(a.phrase, "天马社区", "en"), "天马社区 paired units");
});

test("a street's issue phrases are narrowed to the street on the server; rows name the nodes to draw", () => {
  const stalled = parsePhrase("曹溪街道 滞留问题").phrase;
  assert.deepEqual(stalled.runs("S1").map((r) => [r.query, r.params.between, r.params.street]), [
    ["issues_stalled", "grid-community", "S1"], ["issues_stalled", "community-street", "S1"], ["issues_stalled", "street-district", "S1"],
  ]);
  assert.equal(parsePhrase("曹溪街道 超期问题").phrase.runs("S1")[0].params.street, "S1");
  const rows = [{ issue_id: "I1", community_id: "C1", street_id: "S1" }, { issue_id: "I2", community_id: "C1", street_id: "S1" }];
  assert.deepEqual(rowKeys(stalled, rows, "S1"), { keys: ["Street:S1", "Issue:I1", "Community:C1", "Issue:I2"], rows });
});

test("the address bar round-trips a view", () => {
  const h = formatHash(["community", "350802006002"], { layout: "dagre", add: ["Person:P2", "Step:I1#3"], hide: [] });
  assert.equal(h, "#community/350802006002?layout=dagre&add=Person%3AP2%2CStep%3AI1%233");
  assert.deepEqual(parseHash(h), { route: ["community", "350802006002"], opts: { layout: "dagre", add: ["Person:P2", "Step:I1#3"] } });
  assert.deepEqual(parseHash("#path/MG2a/B1?types=PART_OF,IN").opts.types, ["PART_OF", "IN"]);
  assert.deepEqual(parseHash("").route, []);
});

test("Chinese first, English on request and remembered", () => {
  assert.equal(pickLang("", null), "zh");
  assert.equal(pickLang("?lang=en", "zh"), "en");
  assert.equal(pickLang("", "en"), "en");
  assert.equal(pickLang("?lang=fr", null), "zh");
  assert.equal(translate("zh", "summary", { nodes: 3, links: 2 }), "3 个节点，2 条关系");
  assert.equal(translate("en", "lanes.party"), "Party line");
});

test("coded values by their vocabulary names, steps by action and level", () => {
  const v = new Vocabulary({ action: { accepted: "受理" }, level: { community: "社区" }, party_org_kind: { big_party_committee: "大党委" } });
  assert.equal(v.step({ seq: 3, action: "accepted", level: "community" }), "3. 受理（社区）");
  assert.equal(v.value("PartyOrg", "kind", "big_party_committee"), "大党委");
  assert.equal(v.value("Grid", "name", "天马第一网格"), "天马第一网格");
  assert.equal(v.label("Grid"), "Grid");             // no name: the code
});
