// name: issue_trail
// description: An issue and its escalation trail, one row per step in seq order (FIRST_STEP, then
// NEXT...), with who acted (BY) and the area the issue is located in with its community and street.
// An issue without steps gives one row with null step fields; an unknown id gives no row.
// param: issue_id: string -- the issue's id
// returns: issue (map: every property), location (map: id, name, label), community (map: id, name), street (map: id, name), seq (integer), step (map: every property: seq, action, level, at, due, note...), by (map: id, name, kind, label)
MATCH (i:Issue {id: $issue_id})
OPTIONAL MATCH (i)-[:LOCATED_IN]->(loc:Grid|MicroGrid|Community)
OPTIONAL MATCH (loc)-[:PART_OF*0..2]->(c:Community)
OPTIONAL MATCH (c)-[:PART_OF]->(st:Street)
OPTIONAL MATCH (i)-[:FIRST_STEP]->(:Step)-[:NEXT]->*(s:Step)
OPTIONAL MATCH (s)-[:BY]->(by)
RETURN i {.*} AS issue,
       CASE WHEN loc IS NULL THEN null ELSE loc {.id, .name, label: labels(loc)[0]} END AS location,
       CASE WHEN c IS NULL THEN null ELSE c {.id, .name} END AS community,
       CASE WHEN st IS NULL THEN null ELSE st {.id, .name} END AS street,
       s.seq AS seq, properties(s) AS step,
       CASE WHEN by IS NULL THEN null ELSE by {.id, .name, kind: properties(by)['kind'], label: labels(by)[0]} END AS by
ORDER BY seq
