// name: writes/points_balance
// description: A person's points earned, redeemed and balance, read under points_lock in the same
// write transaction.
// param: person_id: string -- the person's id
// returns: earned (integer), redeemed (integer), balance (integer)
MATCH (p:Person {id: $person_id})
WITH reduce(t = 0, x IN COLLECT { MATCH (p)-[e:EARNED]->(i:PointItem) RETURN coalesce(e.points, i.stars, 0) AS x } | t + x) AS earned,
     reduce(t = 0, x IN COLLECT { MATCH (p)-[r:REDEEMED]->(:Community) RETURN coalesce(r.points, 0) AS x } | t + x) AS redeemed
RETURN earned, redeemed, earned - redeemed AS balance
