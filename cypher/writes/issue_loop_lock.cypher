// name: issue_loop_lock
// description: Takes the write lock on an issue before a step is appended: setting a property
// locks the node until the transaction ends, so concurrent appends to one issue run one after
// the other and each reads the trail its predecessor committed. No row for an unknown id.
// param: issue_id: string -- the issue's id
// param: now: datetime -- updated_at
// returns: issue_id (string)
MATCH (i:Issue {id: $issue_id})
SET i.updated_at = $now
RETURN i.id AS issue_id
