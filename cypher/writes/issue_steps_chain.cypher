// name: writes/issue_steps_chain
// description: Chains each issue's steps in seq order after ingest wrote them:
// (:Issue)-[:FIRST_STEP]->(:Step)-[:NEXT]->(:Step)... and (:Issue)-[:LAST_STEP]->(:Step), replacing
// any earlier FIRST_STEP, LAST_STEP or NEXT that no longer fits (MERGE, so a re-run changes
// nothing), and sets the issue's status and level to what its trail says (graph.trail.derive_state).
// param: issues: list<map> -- {issue_id, status, level, steps: [step ids in seq order], source}
// param: updated_at: datetime -- the load's time (UTC)
// returns: written (int)
UNWIND $issues AS row
MATCH (i:Issue {id: row.issue_id})
SET i.status = row.status, i.level = row.level, i.updated_at = $updated_at
WITH i, row
CALL (i, row) {
  MATCH (first:Step {id: row.steps[0]})
  MERGE (i)-[r:FIRST_STEP]->(first)
  SET r.source = row.source, r.updated_at = $updated_at
  WITH i, first
  MATCH (i)-[old:FIRST_STEP]->(other)
  WHERE other <> first
  DELETE old
}
CALL (i, row) {
  MATCH (last:Step {id: row.steps[-1]})
  MERGE (i)-[r:LAST_STEP]->(last)
  SET r.source = row.source, r.updated_at = $updated_at
  WITH i, last
  MATCH (i)-[old:LAST_STEP]->(other)
  WHERE other <> last
  DELETE old
}
CALL (row) {
  UNWIND range(1, size(row.steps) - 1) AS k
  MATCH (a:Step {id: row.steps[k - 1]})
  MATCH (b:Step {id: row.steps[k]})
  MERGE (a)-[r:NEXT]->(b)
  SET r.source = row.source, r.updated_at = $updated_at
  WITH a, b
  MATCH (a)-[old:NEXT]->(other)
  WHERE other <> b
  DELETE old
}
RETURN count(*) AS written
