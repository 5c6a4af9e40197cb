// name: schema_state
// description: Every constraint and index with what it covers, for `grassroots schema show` and tests.
// returns: kind (string), name (string), type (string), labels (list), properties (list), state (string)
SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state, owningConstraint
RETURN CASE WHEN owningConstraint IS NULL THEN 'index' ELSE 'constraint' END AS kind,
       name, type, labelsOrTypes AS labels, properties, state
ORDER BY name
