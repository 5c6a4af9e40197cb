"""The query path: every Cypher statement file with its typed header, the one read path and the one
write path, the ad-hoc guard, paging, the schema."""
