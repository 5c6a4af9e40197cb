// name: ingest_rels
// description: Test helper: every relationship with its ends' ids, its type and properties.
// returns: start (string), type (string), end (string), props (map)
MATCH (a)-[r]->(b)
RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props
