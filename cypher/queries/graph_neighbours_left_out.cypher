// name: graph_neighbours_left_out
// description: What a full picture leaves out at its last hop: the nodes next to the frontier (over
// the given relationship types and direction) that are not in the picture, counted by their
// labels. The graph view says so (`left_out`) and offers to load more.
// param: frontier: list<string> -- element ids of the nodes reached at the last hop
// param: seen: list<string> -- element ids of every node already in the picture
// param: types: list<string> = null -- only these relationship types (checked against the model); null: every type
// param: direction: string = 'both' -- 'out' (from the frontier), 'in' (to it) or 'both'
// returns: labels (list<string>), count (int)
UNWIND $frontier AS fid
MATCH (a)-[r]-(n)
WHERE elementId(a) = fid AND NOT elementId(n) IN $seen
  AND ($types IS NULL OR type(r) IN $types)
  AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = a))
WITH DISTINCT n
RETURN labels(n) AS labels, count(n) AS count
