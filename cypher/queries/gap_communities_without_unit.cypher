// name: gap_communities_without_unit
// description: Communities that no co-building unit is paired with (no PAIRED_WITH), a coverage
// gap. By default only communities that have a big party committee, which the pairing
// rule (every such community has a paired unit) is about. By community id.
// param: with_committee_only: bool = true -- only communities served by a big party committee
// param: offset: int = 0 -- rows to skip
// param: limit: int = 100 -- rows to return
// returns: community_id (string), community_name (string), kind (string), street_id (string), street_name (string), has_big_party_committee (bool)
MATCH (c:Community)
WHERE NOT EXISTS { (c)<-[:PAIRED_WITH]-(:Unit) }
WITH c, EXISTS { (:PartyOrg {kind: 'big_party_committee'})-[:SERVES]->(c) } AS has_committee
WHERE has_committee OR NOT $with_committee_only
OPTIONAL MATCH (c)-[:PART_OF]->(s:Street)
RETURN c.id AS community_id, c.name AS community_name, c.kind AS kind, s.id AS street_id, s.name AS street_name,
       has_committee AS has_big_party_committee
ORDER BY community_id
SKIP $offset LIMIT $limit
