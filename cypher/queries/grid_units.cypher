// name: grid_units
// description: Which co-building units cover a grid: directly (the unit COVERS the grid) or
// through pairing (the unit is PAIRED_WITH the grid's community). A unit that does both gives
// two rows. Direct assignments first, then by unit id.
// param: grid_id: string -- the grid's id
// param: offset: int = 0 -- rows to skip
// param: limit: int = 100 -- rows to return
// An unknown grid, or a grid no unit covers, gives no row.
// returns: unit_id (string), unit_name (string), kind (string), level (string), via (string: direct or pairing), since (date), community_id (string: for a pairing, the community paired)
MATCH (g:Grid {id: $grid_id})
CALL (g) {
  MATCH (u:Unit)-[r:COVERS]->(g)
  RETURN u, 'direct' AS via, r.since AS since, null AS community_id
  UNION
  MATCH (g)-[:PART_OF]->(c:Community)<-[r:PAIRED_WITH]-(u:Unit)
  RETURN u, 'pairing' AS via, r.since AS since, c.id AS community_id
}
RETURN u.id AS unit_id, u.name AS unit_name, u.kind AS kind, u.level AS level, via, since, community_id
ORDER BY via, unit_id
SKIP $offset LIMIT $limit
