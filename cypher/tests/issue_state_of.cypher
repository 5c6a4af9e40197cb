// name: issue_state_of
// description: Test fixtures only: the state kept on every issue (graph/model/issue_state.py),
// times as text, for comparing with answers worked out by hand.
// returns: id (string), last_seq (integer), last_action (string), last_at (string), waiting_seq (integer), waiting_action (string), waiting_since (string), due (string), resolution_level (string), resolution_at (string)
MATCH (i:Issue)
RETURN i.id AS id, i.last_seq AS last_seq, i.last_action AS last_action, toString(i.last_at) AS last_at,
       i.waiting_seq AS waiting_seq, i.waiting_action AS waiting_action, toString(i.waiting_since) AS waiting_since,
       toString(i.due) AS due, i.resolution_level AS resolution_level, toString(i.resolution_at) AS resolution_at
ORDER BY id
