// name: writes/points_earn
// description: A person earns points for a point item: (person)-[:EARNED {at, points}]->(item).
// Points default to the item's stars. No row when the item is unknown.
// param: person_id: string -- the person's id
// param: item_id: string -- the PointItem's id
// param: points: int = null -- points earned (default: the item's stars)
// param: at: datetime -- when
// param: source: string -- provenance
// param: now: datetime -- updated_at
// returns: points (integer), item_id (string)
MATCH (p:Person {id: $person_id})
MATCH (i:PointItem {id: $item_id})
CREATE (p)-[e:EARNED {at: $at, points: coalesce($points, i.stars), source: $source, updated_at: $now}]->(i)
RETURN e.points AS points, i.id AS item_id
