// name: writes/meeting_existing
// description: A meeting already recorded under an id (a client's retry): its community, kind and
// date and the ids of its tasks. No row when there is none.
// param: meeting_id: string -- the meeting's id
// returns: meeting_id (string), community_id (string), kind (string), date (date), attendees (integer), task_ids (list of strings)
MATCH (m:Meeting {id: $meeting_id})
OPTIONAL MATCH (m)-[:FOR]->(c:Community)
RETURN m.id AS meeting_id, c.id AS community_id, m.kind AS kind, m.date AS date,
       COUNT { (m)<-[:ATTENDED]-() } AS attendees,
       COLLECT { MATCH (m)-[:PRODUCED]->(t:Task) RETURN t.id AS id ORDER BY id } AS task_ids
