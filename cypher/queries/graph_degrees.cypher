// name: graph_degrees
// description: A node's relationships counted by type, direction and the label of the node at
// the other end: what the page offers to expand, with counts, before expanding.
// param: id: string -- element id of the node
// Direction is seen from the node: 'out' when it is the start of the relationship.
// returns: type (string), direction (string: out or in), labels (list<string>: of the other node), count (int)
MATCH (a) WHERE elementId(a) = $id
MATCH (a)-[r]-(n)
RETURN type(r) AS type, CASE WHEN startNode(r) = a THEN 'out' ELSE 'in' END AS direction,
       labels(n) AS labels, count(*) AS count
