// name: issue_steps_of
// description: The steps the graph already holds for some issues, so that ingest can judge each
// issue's whole trail (the graph's steps merged with the file's). Steps are found by their id,
// `<issue id>#<seq>` (a prefix seek on the Step id index), chained or not, so that the steps of an
// interrupted load count too.
// param: issue_ids: list<string> -- the issues whose steps are being loaded
// returns: issue_id (string), seq (int), action (string), level (string), at_ms (int), due_ms (int), by_id (string)
// (times as epoch milliseconds: the trail rules only compare them, and plain numbers cross the wire fast)
UNWIND $issue_ids AS issue_id
MATCH (s:Step)
WHERE s.id STARTS WITH issue_id + '#' AND s.id = issue_id + '#' + toString(s.seq)
OPTIONAL CALL (s) {
  MATCH (s)-[:BY]->(h)
  RETURN h.id AS by_id LIMIT 1
}
RETURN issue_id, s.seq AS seq, s.action AS action, s.level AS level, s.at.epochMillis AS at_ms,
       s.due.epochMillis AS due_ms, by_id
ORDER BY issue_id, seq
