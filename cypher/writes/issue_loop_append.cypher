// name: issue_loop_append
// description: Appends a checked step to an issue's trail and updates the issue in the same
// transaction: a new Step `<issue id>#<seq>` after the current LAST_STEP (NEXT), LAST_STEP moved
// to it, and the issue's status, level and resolved_at set to the state after the step. Appends
// only when the issue's last step has seq `expected_last_seq` (no row otherwise). Run after
// issue_loop_lock in the same transaction.
// param: issue_id: string -- the issue's id
// param: expected_last_seq: integer -- seq of the issue's last step as read under the lock
// param: step: map -- seq, action, level, at (datetime), due (datetime or null), note
// param: status: string -- the issue's status after the step
// param: level: string -- the issue's level after the step
// param: resolved_at: datetime = null -- when resolved (null unless resolved or closed after a resolution)
// param: source: string -- provenance, e.g. 'api'
// param: now: datetime -- updated_at
// returns: step_id (string)
MATCH (i:Issue {id: $issue_id})-[old:LAST_STEP]->(last:Step)
WHERE last.seq = $expected_last_seq
CREATE (s:Step {id: $issue_id + '#' + toString($step.seq), seq: $step.seq, action: $step.action,
                level: $step.level, at: $step.at, due: $step.due, note: $step.note,
                source: $source, updated_at: $now})
CREATE (last)-[:NEXT {source: $source, updated_at: $now}]->(s)
DELETE old
CREATE (i)-[:LAST_STEP {source: $source, updated_at: $now}]->(s)
SET i.status = $status, i.level = $level, i.resolved_at = $resolved_at, i.updated_at = $now
RETURN s.id AS step_id
