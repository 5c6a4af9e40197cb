"""grassroots-graph core: settings, the Neo4j store, the model, the query catalogue, analytics."""
