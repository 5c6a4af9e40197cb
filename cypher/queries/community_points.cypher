// name: community_points
// description: A community's points bank (积分银行): the people registered at it (REGISTERED_AT) who
// hold points, the points they earned, redeemed (anywhere) and their balance in all; the
// redemptions made at the community (REDEEMED) by benefit; its top earners. No row for an unknown
// community.
// param: community_id: string -- the community's code
// param: top: int[1..100] = 10 -- how many top earners
// returns: community_id (string), community (string), members (integer), earned (integer), redeemed (integer), balance (integer), redeemed_here (integer), redemptions_here (integer), by_benefit (list of maps: benefit, times, points), top_earners (list of maps: person_id, name, earned, balance)
MATCH (c:Community {id: $community_id})
CALL (c) {
  OPTIONAL MATCH (p:Person)-[:REGISTERED_AT]->(c)
  WHERE EXISTS { (p)-[:EARNED]->(:PointItem) } OR EXISTS { (p)-[:REDEEMED]->(:Community) }
  WITH DISTINCT p
  WITH p,
       reduce(t = 0, x IN COLLECT { MATCH (p)-[e:EARNED]->(i:PointItem) RETURN coalesce(e.points, i.stars, 0) AS x } | t + x) AS earned,
       reduce(t = 0, x IN COLLECT { MATCH (p)-[r:REDEEMED]->(:Community) RETURN coalesce(r.points, 0) AS x } | t + x) AS redeemed
  ORDER BY earned DESC, p.id
  RETURN count(p) AS members, sum(earned) AS earned, sum(redeemed) AS redeemed,
         collect(CASE WHEN p IS NULL THEN null
                 ELSE {person_id: p.id, name: p.name, earned: earned, balance: earned - redeemed} END)[0..$top]
           AS top_earners
}
CALL (c) {
  OPTIONAL MATCH (:Person)-[r:REDEEMED]->(c)
  WITH r.benefit AS benefit, count(r) AS times, sum(coalesce(r.points, 0)) AS points
  ORDER BY points DESC, benefit
  RETURN collect(CASE WHEN times = 0 THEN null ELSE {benefit: benefit, times: times, points: points} END) AS by_benefit,
         sum(times) AS redemptions_here, sum(points) AS redeemed_here
}
RETURN c.id AS community_id, c.name AS community, members, earned, redeemed, earned - redeemed AS balance,
       redeemed_here, redemptions_here, by_benefit, top_earners
