// name: fixture_rels
// description: Test fixtures only: creates hand-built relationships between nodes found by label
// and id. The test helper checks labels and types against the model before it runs this.
// param: rows: list of maps -- start_label, start_id, type, end_label, end_id (strings), props (map)
// returns: created (integer)
UNWIND $rows AS row
MATCH (a:$(row.start_label) {id: row.start_id})
MATCH (b:$(row.end_label) {id: row.end_id})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
