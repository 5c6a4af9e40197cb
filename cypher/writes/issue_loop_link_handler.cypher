// name: issue_loop_link_handler
// description: Links a step recorded through the API to who acted: (step)-[:BY]->(organization or
// person), looked up by id with one indexed match per handler label.
// param: step_id: string -- the step's id (`<issue id>#<seq>`)
// param: by_id: string -- the handler's id
// param: source: string -- provenance
// param: now: datetime -- updated_at
// returns: linked (integer)
MATCH (s:Step {id: $step_id})
CALL () {
  MATCH (h:Person {id: $by_id}) RETURN h
  UNION MATCH (h:PartyOrg {id: $by_id}) RETURN h
  UNION MATCH (h:AdminOrg {id: $by_id}) RETURN h
  UNION MATCH (h:Department {id: $by_id}) RETURN h
  UNION MATCH (h:Unit {id: $by_id}) RETURN h
  UNION MATCH (h:PropertyCompany {id: $by_id}) RETURN h
  UNION MATCH (h:OwnersCommittee {id: $by_id}) RETURN h
  UNION MATCH (h:PropertyMgmtCommittee {id: $by_id}) RETURN h
}
WITH s, h LIMIT 1
MERGE (s)-[r:BY]->(h)
SET r.source = $source, r.updated_at = $now
RETURN count(r) AS linked
