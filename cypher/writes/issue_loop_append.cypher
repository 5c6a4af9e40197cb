// name: issue_loop_append
// description: Appends a checked step to an issue's trail and updates the issue in the same
// transaction: a new Step `<issue id>#<seq>` after the current LAST_STEP (NEXT), LAST_STEP moved
// to it, and the issue's status, level and resolved_at set to the state after the step, with the
// state kept from the trail (graph/model/issue_state.py: the latest step, the latest step other
// than `supervised`, the latest `resolved` step) brought up to date. Appends
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
SET i.status = $status, i.level = $level, i.resolved_at = $resolved_at, i.updated_at = $now,
    i.last_seq = s.seq, i.last_action = s.action, i.last_at = datetime({epochMillis: s.at.epochMillis})
WITH i, s, s.action <> 'supervised' AS moves
SET i.waiting_seq = CASE WHEN moves THEN s.seq ELSE i.waiting_seq END,
    i.waiting_action = CASE WHEN moves THEN s.action ELSE i.waiting_action END,
    i.waiting_since = CASE WHEN moves THEN datetime({epochMillis: s.at.epochMillis}) ELSE i.waiting_since END,
    i.due = CASE WHEN NOT moves THEN i.due
                 WHEN s.action = 'accepted' AND s.due IS NOT NULL THEN datetime({epochMillis: s.due.epochMillis}) END,
    i.resolution_level = CASE WHEN s.action = 'resolved' THEN s.level ELSE i.resolution_level END,
    i.resolution_at = CASE WHEN s.action = 'resolved' THEN s.at ELSE i.resolution_at END
RETURN s.id AS step_id
