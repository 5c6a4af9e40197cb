// name: graph_links
// description: Every relationship between two nodes of a picture (the induced subgraph), for the
// graph view. Each relationship is found once, from its start node.
// param: ids: list<string> -- element ids of the nodes in the picture
// returns: r (relationship)
UNWIND $ids AS eid
MATCH (a)-[r]->(b)
WHERE elementId(a) = eid AND elementId(b) IN $ids
RETURN r
