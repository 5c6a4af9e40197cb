// name: points_balances
// description: Every person holding two-way points (anyone who EARNED or REDEEMED), with points
// earned, redeemed and the balance (earned minus redeemed); under an area when given: people
// registered at (REGISTERED_AT) or redeeming at a community in it. By balance, largest first.
// param: under: string = null -- a district, street or community code; null means everyone
// param: offset: integer = 0 -- rows to skip
// param: limit: integer = 100 -- rows to return
// returns: person_id (string), name (string), earned (integer), redeemed (integer), balance (integer)
CALL () {
  MATCH (p:Person)-[:EARNED]->(:PointItem) RETURN DISTINCT p
  UNION
  MATCH (p:Person)-[:REDEEMED]->(:Community) RETURN DISTINCT p
}
WITH p
WHERE $under IS NULL OR EXISTS {
  MATCH (p)-[:REGISTERED_AT|REDEEMED]->(:Community)-[:PART_OF*0..2]->(a {id: $under})
  WHERE a:Community OR a:Street OR a:District
}
WITH p,
     reduce(t = 0, x IN COLLECT { MATCH (p)-[e:EARNED]->(i:PointItem) RETURN coalesce(e.points, i.stars, 0) AS x } | t + x) AS earned,
     reduce(t = 0, x IN COLLECT { MATCH (p)-[r:REDEEMED]->(:Community) RETURN coalesce(r.points, 0) AS x } | t + x) AS redeemed
RETURN p.id AS person_id, p.name AS name, earned, redeemed, earned - redeemed AS balance
ORDER BY balance DESC, person_id
SKIP $offset LIMIT $limit
