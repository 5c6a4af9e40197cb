// name: ingest_nodes
// description: Test helper: every node with its labels, id and properties (tests compare loads).
// returns: labels (list<string>), id (string), props (map)
MATCH (n)
RETURN labels(n) AS labels, n.id AS id, properties(n) AS props
