// name: graph_path_types
// description: A shortest path (either direction) between two nodes over the given relationship
// types only, at most 8 hops; the caller enforces a smaller max_hops on the answer's length.
// param: from: string -- element id of the first node
// param: to: string -- element id of the other node (not the same node)
// param: types: list<string> -- the relationship types a path may use (checked against the model)
// No row when there is no such path.
// returns: nodes (list<node>, in path order), rels (list<relationship>, in path order)
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = shortestPath((a)-[*..8]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types)
RETURN nodes(p) AS nodes, relationships(p) AS rels
