// name: gap_grids_uncovered
// description: Grids that no co-building unit covers, neither directly (COVERS) nor through
// pairing (no unit is PAIRED_WITH the grid's community), a coverage gap. By default only grids of
// communities that have a big party committee. By grid id.
// param: with_committee_only: bool = true -- only grids of communities served by a big party committee
// param: community: string = null -- only this community (its code)
// param: offset: int = 0 -- rows to skip
// param: limit: int = 100 -- rows to return
// returns: grid_id (string), grid_name (string), grid_kind (string), community_id (string), community_name (string), has_big_party_committee (bool)
MATCH (g:Grid)
WHERE NOT EXISTS { (g)<-[:COVERS]-(:Unit) }
OPTIONAL MATCH (g)-[:PART_OF]->(c:Community)
WITH g, c
WHERE (c IS NULL OR NOT EXISTS { (c)<-[:PAIRED_WITH]-(:Unit) }) AND ($community IS NULL OR c.id = $community)
WITH g, c, c IS NOT NULL AND EXISTS { (:PartyOrg {kind: 'big_party_committee'})-[:SERVES]->(c) } AS has_committee
WHERE has_committee OR NOT $with_committee_only
RETURN g.id AS grid_id, g.name AS grid_name, g.kind AS grid_kind, c.id AS community_id, c.name AS community_name,
       has_committee AS has_big_party_committee
ORDER BY grid_id
SKIP $offset LIMIT $limit
