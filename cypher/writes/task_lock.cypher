// name: writes/task_lock
// description: Takes the write lock on a task before its progress or adoption is recorded (setting
// a property locks the node until the transaction ends) and returns it as it stands: its deadline,
// status, done date, project, its meeting's community and the issues it addresses. No row for an
// unknown id.
// param: task_id: string -- the task's id
// param: now: datetime -- updated_at
// returns: task_id (string), title (string), due (date), status (string), done_at (date), project_id (string), community_id (string), issue_ids (list of strings)
MATCH (t:Task {id: $task_id})
SET t.updated_at = $now
WITH t
OPTIONAL MATCH (t)<-[:PRODUCED]-(:Meeting)-[:FOR]->(c:Community)
RETURN t.id AS task_id, t.title AS title, t.due AS due, t.status AS status, t.done_at AS done_at,
       t.project_id AS project_id, c.id AS community_id,
       COLLECT { MATCH (t)-[:ADDRESSES]->(i:Issue) RETURN i.id AS id ORDER BY id } AS issue_ids
