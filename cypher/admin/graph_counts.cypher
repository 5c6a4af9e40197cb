// name: graph_counts
// description: Node, relationship and property counts: a fingerprint to compare a graph before and after.
// returns: nodes (int), relationships (int), node_properties (int), relationship_properties (int)
CALL () { MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS node_properties }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships, sum(size(keys(r))) AS relationship_properties }
RETURN nodes, relationships, coalesce(node_properties, 0) AS node_properties,
       coalesce(relationship_properties, 0) AS relationship_properties
