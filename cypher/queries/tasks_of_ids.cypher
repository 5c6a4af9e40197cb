// name: tasks_of_ids
// description: Tasks by id with the community of the meeting that produced them (for keys limited
// to an area, which may act only on their area's tasks). Unknown ids give no row.
// param: ids: list<string> -- task ids
// returns: task_id (string), community_id (string)
MATCH (t:Task) WHERE t.id IN $ids
OPTIONAL MATCH (t)<-[:PRODUCED]-(:Meeting)-[:FOR]->(c:Community)
RETURN t.id AS task_id, c.id AS community_id
ORDER BY task_id
