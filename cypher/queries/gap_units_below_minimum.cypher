// name: gap_units_below_minimum
// description: Pairings where the unit gave its paired community less than the yearly minimum
// in a year (the 30,000-yuan rule). The minimum is the pairing's own min_annual_funding, or the rule's
// amount when the pairing names none. Pairings that began after the year are left out. A unit
// that gave nothing that year shows an amount of 0. Largest shortfall first.
// param: year: int[2000..2100] -- the calendar year
// param: minimum: int[0..] = 30000 -- yuan a year, for pairings that name no min_annual_funding
// param: community: string = null -- only this community (its code)
// param: offset: int = 0 -- rows to skip
// param: limit: int = 100 -- rows to return
// returns: unit_id (string), unit_name (string), community_id (string), community_name (string), year (int), amount (int: yuan given that year), minimum (int), shortfall (int)
MATCH (u:Unit)-[r:PAIRED_WITH]->(c:Community)
WHERE (r.since IS NULL OR date(r.since).year <= $year) AND ($community IS NULL OR c.id = $community)
WITH u, c, coalesce(r.min_annual_funding, $minimum) AS minimum,
     COLLECT { MATCH (u)-[:GAVE]->(f:Funding {year: $year})-[:TO]->(c) RETURN f.amount } AS amounts
WITH u, c, minimum, reduce(total = 0, a IN amounts | total + a) AS amount
WHERE amount < minimum
RETURN u.id AS unit_id, u.name AS unit_name, c.id AS community_id, c.name AS community_name, $year AS year,
       amount, minimum, minimum - amount AS shortfall
ORDER BY shortfall DESC, unit_id, community_id
SKIP $offset LIMIT $limit
