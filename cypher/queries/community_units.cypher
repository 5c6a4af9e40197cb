// name: community_units
// description: The co-building units paired with a community (共建单位), with the pairing's start and
// the yearly minimum it promises; the search phrase "天马社区 的共建单位" runs it.
// param: community_id: string -- the community's id (its division code)
// param: offset: int = 0 -- rows to skip
// param: limit: int = 100 -- rows to return
// returns: unit_id (string), unit_name (string), kind (string), level (string), since (date), min_annual_funding (int), community_id (string)
MATCH (u:Unit)-[p:PAIRED_WITH]->(c:Community {id: $community_id})
RETURN u.id AS unit_id, u.name AS unit_name, u.kind AS kind, u.level AS level, p.since AS since,
       p.min_annual_funding AS min_annual_funding, c.id AS community_id
ORDER BY u.id
SKIP $offset LIMIT $limit
