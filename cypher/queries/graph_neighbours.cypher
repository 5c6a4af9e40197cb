// name: graph_neighbours
// description: One hop of the graph view's breadth-first walk: the nodes next to the frontier
// (either direction) that are not in the picture yet, structural ones first (by label order),
// then by id. The caller asks for one more than it has room for, to know it had to cut.
// param: frontier: list<string> -- element ids of the nodes reached at the last hop
// param: seen: list<string> -- element ids of every node already in the picture
// param: order: list<string> -- labels, first kept first; labels not listed come last
// param: room: int[0..] -- at most this many nodes
// Nodes come in label order, then by id.
// returns: n (node)
UNWIND $frontier AS fid
MATCH (a)--(n)
WHERE elementId(a) = fid AND NOT elementId(n) IN $seen
WITH DISTINCT n
WITH n, reduce(best = size($order), i IN range(0, size($order) - 1) |
               CASE WHEN i < best AND $order[i] IN labels(n) THEN i ELSE best END) AS rank
RETURN n
ORDER BY rank, n.id
LIMIT $room
