// name: fixture_nodes
// description: Test fixtures only: creates hand-built nodes, one per row. The test helper
// (tests/issue_fixtures.py) checks every label against the model before it runs this.
// param: rows: list of maps -- label (string, a model label), props (map with at least id)
// returns: created (integer)
UNWIND $rows AS row
CREATE (n:$(row.label))
SET n = row.props
RETURN count(n) AS created
