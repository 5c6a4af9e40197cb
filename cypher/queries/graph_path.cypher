// name: graph_path
// description: A shortest path (either direction, any relationship type) between two nodes, at
// most 8 hops; the caller enforces a smaller max_hops on the answer's length (Cypher 5 takes no
// parameter as a length bound).
// param: from: string -- element id of the first node
// param: to: string -- element id of the other node (not the same node)
// No row when there is no path.
// returns: nodes (list<node>, in path order), rels (list<relationship>, in path order)
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = shortestPath((a)-[*..8]-(b))
RETURN nodes(p) AS nodes, relationships(p) AS rels
