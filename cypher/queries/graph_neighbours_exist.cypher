// name: graph_neighbours_exist
// description: Whether any node next to the frontier (either direction) is not in the picture
// yet: the graph view asks when a picture is full, to say whether it had to cut. Stops at the
// first such node.
// param: frontier: list<string> -- element ids of the nodes reached at the last hop
// param: seen: list<string> -- element ids of every node already in the picture
// returns: found (bool)
UNWIND $frontier AS fid
MATCH (a)--(n)
WHERE elementId(a) = fid AND NOT elementId(n) IN $seen
RETURN true AS found
LIMIT 1
