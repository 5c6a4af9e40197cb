"""The bottom floor: settings, the Neo4j store, errors, resources (Cypher files, the page),
serialization, time, the local Neo4j."""
