// name: unit_picture
// description: A co-building unit's picture, in one row. It holds the communities it is paired with; its
// funding per paired community and year against the 30,000-yuan rule (every year of the funding
// ledger from the pairing's start, 0 when it gave nothing; the minimum is the pairing's
// min_annual_funding or the rule's amount); the big party committees it is a member of; the
// party-building projects it supports; and the volunteer activities it organized (newest first,
// at most activity_limit, with the full count).
// param: id: string -- the unit's id
// param: minimum: int[0..] = 30000 -- yuan a year, for pairings that name no min_annual_funding
// param: activity_limit: int[0..1000] = 50 -- at most this many activities
// An unknown id gives no row. Funding to a community the unit is not paired with is listed with a null minimum.
// returns: unit (map: id, name, kind, level), paired_communities (list<map>: id, name, street_id, since, min_annual_funding), funding (list<map>: year, community_id, community_name, amount, minimum, meets_minimum), committees (list<map>: id, name, community_id), projects (list<map>: id, name, category, budget, community_id), activity_count (int), activities (list<map>: id, name, date, category, hours, community_id)
MATCH (u:Unit {id: $id})
CALL () {
  MATCH (f:Funding) RETURN collect(DISTINCT f.year) AS ledger_years
}
WITH u, ledger_years,
     COLLECT { MATCH (u)-[:ORGANIZED]->(a:Activity) RETURN a ORDER BY a.date DESC, a.id } AS activities
RETURN u {.id, .name, .kind, .level} AS unit,
       COLLECT { MATCH (u)-[r:PAIRED_WITH]->(c:Community) OPTIONAL MATCH (c)-[:PART_OF]->(s:Street)
                 RETURN c {.id, .name, street_id: s.id, since: r.since, min_annual_funding: r.min_annual_funding}
                 ORDER BY c.id } AS paired_communities,
       COLLECT {
         MATCH (u)-[r:PAIRED_WITH]->(c:Community)
         UNWIND ledger_years AS year
         WITH c, r, year WHERE r.since IS NULL OR date(r.since).year <= year
         WITH c, year, coalesce(r.min_annual_funding, $minimum) AS minimum,
              reduce(t = 0, a IN COLLECT { MATCH (u)-[:GAVE]->(f:Funding {year: year})-[:TO]->(c) RETURN f.amount } | t + a) AS amount
         RETURN {year: year, community_id: c.id, community_name: c.name, amount: amount, minimum: minimum,
                 meets_minimum: amount >= minimum} AS row
         UNION
         MATCH (u)-[:GAVE]->(f:Funding)-[:TO]->(c:Community)
         WHERE NOT (u)-[:PAIRED_WITH]->(c)
         WITH c, f.year AS year, sum(f.amount) AS amount
         RETURN {year: year, community_id: c.id, community_name: c.name, amount: amount, minimum: null,
                 meets_minimum: null} AS row
       } AS funding,
       COLLECT { MATCH (u)-[:MEMBER_OF]->(b:PartyOrg {kind: 'big_party_committee'}) OPTIONAL MATCH (b)-[:SERVES]->(c:Community)
                 RETURN b {.id, .name, community_id: c.id} ORDER BY b.id } AS committees,
       COLLECT { MATCH (u)-[:SUPPORTS]->(p:Project) OPTIONAL MATCH (p)-[:FOR]->(c:Community)
                 RETURN p {.id, .name, .category, .budget, community_id: c.id} ORDER BY p.id } AS projects,
       size(activities) AS activity_count,
       [a IN activities[..$activity_limit] |
        a {.id, .name, .date, .category, .hours, community_id: COLLECT { MATCH (a)-[:IN]->(c:Community) RETURN c.id }[0]}] AS activities
