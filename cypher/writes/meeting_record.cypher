// name: writes/meeting_record
// description: Writes a meeting recorded through the API (after meeting_refs checked every id, in
// the same transaction): the Meeting FOR its community and HELD_BY its organization, each attendee
// ATTENDED it, and each task of its list PRODUCED by it, ASSIGNED_TO its responsible organization
// and ADDRESSES the issues it takes up. Labels come from meeting_refs (the model's, found in the
// graph), never from the request. Fails on the Meeting or Task id constraint when an id is taken.
// param: meeting: map -- id, name, kind, date (date), minutes
// param: community_id: string -- the community (checked)
// param: held_by: map = null -- {id, label} of the holding organization, or null
// param: attendees: list<map> -- {id, label}
// param: tasks: list<map> -- {id, title, what, due (date), assignee: {id, label}, issue_ids}
// param: source: string -- provenance, e.g. 'api'
// param: now: datetime -- updated_at
// returns: meeting_id (string), attendees (integer), tasks (integer)
MATCH (c:Community {id: $community_id})
CREATE (m:Meeting {id: $meeting.id})
SET m.name = $meeting.name, m.kind = $meeting.kind, m.date = $meeting.date, m.minutes = $meeting.minutes,
    m.source = $source, m.updated_at = $now
CREATE (m)-[:FOR {source: $source, updated_at: $now}]->(c)
WITH m
CALL (m) {
  WITH $held_by AS h WHERE h IS NOT NULL
  MATCH (o:$(h.label) {id: h.id})
  CREATE (m)-[:HELD_BY {source: $source, updated_at: $now}]->(o)
}
CALL (m) {
  UNWIND $attendees AS a
  MATCH (o:$(a.label) {id: a.id})
  CREATE (o)-[:ATTENDED {source: $source, updated_at: $now}]->(m)
  RETURN count(*) AS attendees
}
CALL (m) {
  UNWIND $tasks AS row
  CREATE (t:Task {id: row.id})
  SET t.title = row.title, t.what = row.what, t.due = row.due, t.status = 'open', t.done_at = null,
      t.source = $source, t.updated_at = $now
  CREATE (m)-[:PRODUCED {source: $source, updated_at: $now}]->(t)
  WITH t, row
  CALL (t, row) {
    MATCH (o:$(row.assignee.label) {id: row.assignee.id})
    CREATE (t)-[:ASSIGNED_TO {source: $source, updated_at: $now}]->(o)
  }
  CALL (t, row) {
    UNWIND row.issue_ids AS iid
    MATCH (i:Issue {id: iid})
    CREATE (t)-[:ADDRESSES {source: $source, updated_at: $now}]->(i)
  }
  RETURN count(t) AS tasks
}
RETURN m.id AS meeting_id, attendees, tasks
