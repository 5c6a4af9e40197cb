// name: issue_loop_file
// description: Files a new issue recorded through the API: the Issue (open, at the level it is
// filed at), LOCATED_IN its area, optionally RAISED_AT a meeting, and its first Step `filed`
// (id `<issue id>#1`) as both FIRST_STEP and LAST_STEP. Fails on the Issue id constraint when the
// id is taken. The issue's state kept from the trail (graph/model/issue_state.py) starts at that
// step. The handler (BY) is linked by issue_loop_link_handler.
// param: issue: map -- id, title, category, channel, reported_at (datetime), level, satisfaction
// param: located_in_id: string -- the Grid, MicroGrid or Community (checked by issue_loop_refs)
// param: meeting_id: string = null -- the meeting it was raised at
// param: note: string = null -- a note on the filed step
// param: source: string -- provenance, e.g. 'api'
// param: now: datetime -- updated_at
// returns: issue_id (string), step_id (string)
CALL () {
  MATCH (a:Grid {id: $located_in_id}) RETURN a
  UNION MATCH (a:MicroGrid {id: $located_in_id}) RETURN a
  UNION MATCH (a:Community {id: $located_in_id}) RETURN a
}
WITH a LIMIT 1
CREATE (i:Issue {id: $issue.id})
SET i.title = $issue.title, i.category = $issue.category, i.channel = $issue.channel,
    i.reported_at = $issue.reported_at, i.status = 'open', i.level = $issue.level,
    i.resolved_at = null, i.satisfaction = $issue.satisfaction,
    i.source = $source, i.updated_at = $now
CREATE (i)-[:LOCATED_IN {source: $source, updated_at: $now}]->(a)
CREATE (s:Step {id: $issue.id + '#1', seq: 1, action: 'filed', level: $issue.level, at: $issue.reported_at,
                due: null, note: $note, source: $source, updated_at: $now})
SET i.last_seq = 1, i.last_action = 'filed', i.last_at = datetime({epochMillis: s.at.epochMillis}),
    i.waiting_seq = 1, i.waiting_action = 'filed', i.waiting_since = i.last_at, i.due = null,
    i.resolution_level = null, i.resolution_at = null
CREATE (i)-[:FIRST_STEP {source: $source, updated_at: $now}]->(s)
CREATE (i)-[:LAST_STEP {source: $source, updated_at: $now}]->(s)
WITH i, s
CALL (i) {
  MATCH (m:Meeting {id: $meeting_id})
  CREATE (i)-[:RAISED_AT {source: $source, updated_at: $now}]->(m)
}
RETURN i.id AS issue_id, s.id AS step_id
