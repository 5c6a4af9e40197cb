// name: writes/task_project
// description: Adopts a task as a party-building project (run after task_lock and a check of the
// units in the same transaction): a Project FOR the task's community with its category and budget,
// each supporting unit SUPPORTS it, and the task's project_id set to it. Fails on the Project id
// constraint when the id is taken.
// param: task_id: string -- the task's id
// param: project: map -- id, name, category, budget
// param: community_id: string -- the task's meeting's community
// param: unit_ids: list<string> -- the supporting units (checked)
// param: source: string -- provenance
// param: now: datetime -- updated_at
// returns: project_id (string), units (integer)
MATCH (t:Task {id: $task_id})
MATCH (c:Community {id: $community_id})
CREATE (p:Project {id: $project.id})
SET p.name = $project.name, p.category = $project.category, p.budget = $project.budget,
    p.source = $source, p.updated_at = $now
CREATE (p)-[:FOR {source: $source, updated_at: $now}]->(c)
SET t.project_id = p.id, t.updated_at = $now
WITH p
CALL (p) {
  UNWIND $unit_ids AS uid
  MATCH (u:Unit {id: uid})
  CREATE (u)-[:SUPPORTS {source: $source, updated_at: $now}]->(p)
  RETURN count(u) AS units
}
RETURN p.id AS project_id, units
