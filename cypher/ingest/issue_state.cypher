// name: ingest/issue_state
// description: Keeps each issue's current state on the Issue node (graph/model/issue_state.py)
// after its trail's chain was written: the latest step (seq, action, time), the latest step other
// than `supervised` (seq, action, time: waiting since; its deadline when it is `accepted`) and the
// latest `resolved` step (resolution level and time), read from the chain as it stands in the
// graph. Times compared by the queries are kept in UTC to the millisecond. Run by ingest for the
// issues whose steps a load wrote (ingest/issue_state.py); MERGE-free, so a re-run changes nothing.
// param: issue_ids: list<string> -- the issues to bring up to date
// returns: written (int)
UNWIND $issue_ids AS issue_id
MATCH (i:Issue {id: issue_id})-[:LAST_STEP]->(last:Step)
WITH i, last, COLLECT {
  MATCH (last)<-[:NEXT]-*(s:Step)
  RETURN s ORDER BY s.seq DESC
} AS trail
WITH i, last, [s IN trail WHERE s.action <> 'supervised'][0] AS w, [s IN trail WHERE s.action = 'resolved'][0] AS r
SET i.last_seq = last.seq, i.last_action = last.action,
    i.last_at = datetime({epochMillis: last.at.epochMillis}),
    i.waiting_seq = w.seq, i.waiting_action = w.action,
    i.waiting_since = CASE WHEN w IS NULL THEN null ELSE datetime({epochMillis: w.at.epochMillis}) END,
    i.due = CASE WHEN w.action = 'accepted' AND w.due IS NOT NULL THEN datetime({epochMillis: w.due.epochMillis}) END,
    i.resolution_level = r.level, i.resolution_at = r.at
RETURN count(*) AS written
