// name: analytics_issue_flow
// description: The issues of an area (a district, street or community, by code) located in its
// communities, their grids or micro-grids, each with its category, when it was reported and its
// steps up to $as_of in order (action and level), for the escalation-flow analysis
// (graph/services/analytics). An area id that is no district, street or community gives no row.
// param: under: string -- the area's code (district, street or community)
// param: as_of: moment -- steps after this instant are ignored
// returns: issue_id (string), category (string), reported_at (datetime), steps (list<map>: action, level)
MATCH (a)
WHERE a.id = $under AND (a:District OR a:Street OR a:Community)
MATCH (c:Community)-[:PART_OF*0..2]->(a)
CALL (c) {
  MATCH (i:Issue)-[:LOCATED_IN]->(c) RETURN i
  UNION
  MATCH (i:Issue)-[:LOCATED_IN]->(:Grid)-[:PART_OF]->(c) RETURN i
  UNION
  MATCH (i:Issue)-[:LOCATED_IN]->(:MicroGrid)-[:PART_OF]->(:Grid)-[:PART_OF]->(c) RETURN i
}
CALL (i) {
  MATCH (i)-[:FIRST_STEP]->(:Step)-[:NEXT*0..]->(s:Step)
  WHERE s.at <= $as_of
  WITH s ORDER BY s.seq
  RETURN collect({action: s.action, level: s.level}) AS steps
}
WITH i, steps WHERE size(steps) > 0
RETURN i.id AS issue_id, i.category AS category, i.reported_at AS reported_at, steps
ORDER BY issue_id
