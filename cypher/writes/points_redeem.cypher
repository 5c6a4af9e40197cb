// name: writes/points_redeem
// description: A person redeems points at a community for a benefit: (person)-[:REDEEMED {at,
// points, benefit}]->(community). Run after points_lock and points_balance in the same transaction
// (the caller refuses a redemption beyond the balance). No row when the community is unknown.
// param: person_id: string -- the person's id
// param: community_id: string -- where the points are redeemed
// param: points: int[1..] -- points redeemed
// param: benefit: string -- what they were redeemed for
// param: at: datetime -- when
// param: source: string -- provenance
// param: now: datetime -- updated_at
// returns: points (integer)
MATCH (p:Person {id: $person_id})
MATCH (c:Community {id: $community_id})
CREATE (p)-[r:REDEEMED {at: $at, points: $points, benefit: $benefit, source: $source, updated_at: $now}]->(c)
RETURN r.points AS points
