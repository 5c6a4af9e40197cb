// name: community_picture
// description: A community's whole picture, in one row. It holds its street; the community party committee
// and residents'/villagers' committee; the big party committee, its secretary (the linked cadre)
// and every cadre LINKED_TO the community; the committee's members (units, party branches,
// property companies, owners' committees); the paired units with the funding they gave the
// community per year; the grids; the compounds with their property mode, property company,
// owners' committee and property management committee; and its open issues (located in the
// community, its grids or micro-grids; newest first, at most issue_limit, with the full count).
// param: id: string -- the community's id (its division code)
// param: issue_limit: int[0..1000] = 50 -- at most this many open issues
// An unknown id gives no row.
// returns: community (map: id, name, kind, urban_village), street (map: id, name, kind), party_committee (map: id, name), residents_committee (map: id, name, kind), big_party_committee (map: id, name), secretary (map: id, name, phone, since), linked_cadres (list<map>: id, name, phone, since), members (list<map>: id, name, label, kind, since), paired_units (list<map>: id, name, kind, level, since, min_annual_funding, funding (list<map>: year, amount)), grids (list<map>: id, name, kind), compounds (list<map>: id, name, property_mode, grid_id, property_companies, owners_committees, mgmt_committees), open_issue_count (int), open_issues (list<map>: id, title, category, level, reported_at)
MATCH (c:Community {id: $id})
OPTIONAL MATCH (c)-[:PART_OF]->(s:Street)
CALL (c) {
  OPTIONAL MATCH (b:PartyOrg {kind: 'big_party_committee'})-[:SERVES]->(c)
  RETURN b ORDER BY b.id LIMIT 1
}
WITH c, s, b,
     COLLECT { MATCH (c)<-[:LOCATED_IN|PART_OF*1..3]-(i:Issue {status: 'open'})
                  RETURN DISTINCT i ORDER BY i.reported_at DESC, i.id } AS open_issues
RETURN c {.id, .name, .kind, .urban_village} AS community,
       s {.id, .name, .kind} AS street,
       head(COLLECT { MATCH (p:PartyOrg {kind: 'community_committee'})-[:SERVES]->(c) RETURN p {.id, .name} ORDER BY p.id }) AS party_committee,
       head(COLLECT { MATCH (a:AdminOrg)-[:SERVES]->(c) WHERE a.kind IN ['residents_committee', 'villagers_committee']
                      RETURN a {.id, .name, .kind} ORDER BY a.id }) AS residents_committee,
       b {.id, .name} AS big_party_committee,
       head(COLLECT { MATCH (p:Person)-[r:SECRETARY_OF]->(b) RETURN p {.id, .name, phone: coalesce(p.work_phone, p.phone), since: r.since} ORDER BY p.id }) AS secretary,
       COLLECT { MATCH (p:Person)-[r:LINKED_TO]->(c) RETURN p {.id, .name, phone: coalesce(p.work_phone, p.phone), since: r.since} ORDER BY p.id } AS linked_cadres,
       COLLECT { MATCH (m)-[r:MEMBER_OF]->(b) WHERE NOT m:Person
                 RETURN {id: m.id, name: m.name, kind: m.kind, since: r.since,
                         label: head([l IN ['Department', 'Unit', 'PartyOrg', 'PropertyCompany', 'OwnersCommittee'] WHERE l IN labels(m)])}
                 ORDER BY m.id } AS members,
       COLLECT { MATCH (u:Unit)-[r:PAIRED_WITH]->(c)
                 CALL (u, c) {
                   OPTIONAL MATCH (u)-[:GAVE]->(f:Funding)-[:TO]->(c)
                   WITH f.year AS year, sum(f.amount) AS amount ORDER BY year
                   RETURN collect(CASE WHEN year IS NOT NULL THEN {year: year, amount: amount} END) AS funding
                 }
                 RETURN u {.id, .name, .kind, .level, since: r.since, min_annual_funding: r.min_annual_funding, funding: funding}
                 ORDER BY u.id } AS paired_units,
       COLLECT { MATCH (g:Grid)-[:PART_OF]->(c) RETURN g {.id, .name, .kind} ORDER BY g.id } AS grids,
       COLLECT { MATCH (k:Compound)-[:IN_GRID]->(g:Grid)-[:PART_OF]->(c)
                 RETURN k {.id, .name, .property_mode, grid_id: g.id,
                           property_companies: COLLECT { MATCH (k)<-[:MANAGES]-(pc:PropertyCompany) RETURN pc {.id, .name, .red} ORDER BY pc.id },
                           owners_committees: COLLECT { MATCH (k)<-[:REPRESENTS]-(oc:OwnersCommittee) RETURN oc {.id, .name, .red} ORDER BY oc.id },
                           mgmt_committees: COLLECT { MATCH (k)<-[:MANAGES]-(mc:PropertyMgmtCommittee) RETURN mc {.id, .name} ORDER BY mc.id }}
                 ORDER BY k.id } AS compounds,
       size(open_issues) AS open_issue_count,
       [i IN open_issues | i {.id, .title, .category, .level, .reported_at}][..$issue_limit] AS open_issues
