// name: unit_grids
// description: The grids a co-building unit covers: directly (it COVERS the grid) or through
// pairing (every grid of a community it is PAIRED_WITH). A grid covered both ways gives two rows.
// Direct assignments first, then by grid id.
// param: unit_id: string -- the unit's id
// param: offset: int = 0 -- rows to skip
// param: limit: int = 100 -- rows to return
// An unknown unit, or a unit covering no grid, gives no row.
// returns: grid_id (string), grid_name (string), grid_kind (string), community_id (string), community_name (string), via (string: direct or pairing), since (date)
MATCH (u:Unit {id: $unit_id})
CALL (u) {
  MATCH (u)-[r:COVERS]->(g:Grid)
  RETURN g, 'direct' AS via, r.since AS since
  UNION
  MATCH (u)-[r:PAIRED_WITH]->(:Community)<-[:PART_OF]-(g:Grid)
  RETURN g, 'pairing' AS via, r.since AS since
}
OPTIONAL MATCH (g)-[:PART_OF]->(c:Community)
RETURN g.id AS grid_id, g.name AS grid_name, g.kind AS grid_kind, c.id AS community_id, c.name AS community_name,
       via, since
ORDER BY via, grid_id
SKIP $offset LIMIT $limit
