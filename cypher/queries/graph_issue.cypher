// name: graph_issue
// description: An issue's escalation trail as nodes (graph_links adds the relationships between
// them): the issue, its chain of steps (FIRST_STEP, NEXT..., LAST_STEP), who acted at each step
// (BY), the area it is located in with the areas above it, the meeting it was raised at and the
// tasks addressing it.
// param: id: string -- the issue's id
// An unknown id gives no row.
// returns: issue (node), nodes (list<node>)
MATCH (i:Issue {id: $id})
CALL (i) {
  OPTIONAL MATCH (i)-[:FIRST_STEP|LAST_STEP]->(:Step)-[:NEXT*0..]->(s:Step)
  RETURN collect(DISTINCT s) AS steps
}
CALL (i) {
  OPTIONAL MATCH (i)-[:FIRST_STEP|LAST_STEP]->(:Step)-[:NEXT*0..]->(:Step)-[:BY]->(h)
  RETURN collect(DISTINCT h) AS handlers
}
CALL (i) {
  OPTIONAL MATCH (i)-[:LOCATED_IN]->(:Grid|MicroGrid|Community)-[:PART_OF*0..4]->(up)
  WHERE up:MicroGrid OR up:Grid OR up:Community OR up:Street OR up:District
  RETURN collect(DISTINCT up) AS areas
}
CALL (i) {
  OPTIONAL MATCH (i)-[:RAISED_AT]->(m:Meeting)
  OPTIONAL MATCH (t:Task)-[:ADDRESSES]->(i)
  RETURN collect(DISTINCT m) + collect(DISTINCT t) AS work
}
UNWIND [i] + steps + handlers + areas + work AS n
WITH DISTINCT i, n
RETURN i AS issue, collect(n) AS nodes
