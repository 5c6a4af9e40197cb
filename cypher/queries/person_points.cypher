// name: person_points
// description: A party member's two-way points (双向积分): the points earned (EARNED, each with its
// points and time) summed per point category and item, the redemptions (REDEEMED at a community,
// with points and the benefit), and the balance: earned minus redeemed. No row for an unknown person.
// param: person_id: string -- the person's id
// returns: person_id (string), name (string), earned (integer), redeemed (integer), balance (integer), categories (list of maps: category_id, category, points, items: list of maps item_id, item, stars, times, points), redemptions (list of maps: community_id, community, at, points, benefit)
MATCH (p:Person {id: $person_id})
CALL (p) {
  OPTIONAL MATCH (p)-[e:EARNED]->(i:PointItem)
  OPTIONAL MATCH (i)-[:IN]->(k:PointCategory)
  WITH k, i, count(e) AS times, sum(coalesce(e.points, i.stars, 0)) AS points
  WHERE i IS NOT NULL
  ORDER BY i.id
  WITH k, collect({item_id: i.id, item: i.name, stars: i.stars, times: times, points: points}) AS items,
       sum(points) AS points
  ORDER BY k.id
  RETURN collect({category_id: k.id, category: k.name, points: points, items: items}) AS categories,
         sum(points) AS earned
}
CALL (p) {
  OPTIONAL MATCH (p)-[r:REDEEMED]->(c:Community)
  WITH r, c ORDER BY r.at
  RETURN collect(CASE WHEN r IS NULL THEN null
                 ELSE {community_id: c.id, community: c.name, at: r.at, points: r.points, benefit: r.benefit} END)
           AS redemptions,
         sum(coalesce(r.points, 0)) AS redeemed
}
RETURN p.id AS person_id, p.name AS name, earned, redeemed, earned - redeemed AS balance, categories, redemptions
