// name: graph_neighbours
// description: One hop of the graph view's breadth-first walk: the nodes next to the frontier
// that are not in the picture yet, over the given relationship types and direction, structural
// ones first (by label order), then by id. The caller asks for one more than it has room for, to
// know it had to cut.
// param: frontier: list<string> -- element ids of the nodes reached at the last hop
// param: seen: list<string> -- element ids of every node already in the picture
// param: order: list<string> -- labels, first kept first; labels not listed come last
// param: room: int[0..] -- at most this many nodes
// param: types: list<string> = null -- only these relationship types (checked against the model); null: every type
// param: direction: string = 'both' -- 'out' (from the frontier), 'in' (to it) or 'both'
// Nodes come in label order, then by id.
// returns: n (node)
UNWIND $frontier AS fid
MATCH (a)-[r]-(n)
WHERE elementId(a) = fid AND NOT elementId(n) IN $seen
  AND ($types IS NULL OR type(r) IN $types)
  AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = a))
WITH DISTINCT n
WITH n, reduce(best = size($order), i IN range(0, size($order) - 1) |
               CASE WHEN i < best AND $order[i] IN labels(n) THEN i ELSE best END) AS rank
RETURN n
ORDER BY rank, n.id
LIMIT $room
