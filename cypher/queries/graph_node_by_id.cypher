// name: graph_node_by_id
// description: Every node whose `id` is the given one, whatever its label (ids are unique per label,
// so one id can name nodes of several labels). One indexed lookup per model label: a label-less
// `MATCH (n {id: $id})` would scan every node. tests/test_graph_view.py checks that every label
// of the model is listed here.
// param: id: string -- the model id to look up
// One row per label holding the id (a node with two model labels comes twice).
// returns: n (node)
MATCH (n:District {id: $id}) RETURN n
UNION ALL
MATCH (n:Street {id: $id}) RETURN n
UNION ALL
MATCH (n:Community {id: $id}) RETURN n
UNION ALL
MATCH (n:Grid {id: $id}) RETURN n
UNION ALL
MATCH (n:MicroGrid {id: $id}) RETURN n
UNION ALL
MATCH (n:Compound {id: $id}) RETURN n
UNION ALL
MATCH (n:Building {id: $id}) RETURN n
UNION ALL
MATCH (n:PartyOrg {id: $id}) RETURN n
UNION ALL
MATCH (n:AdminOrg {id: $id}) RETURN n
UNION ALL
MATCH (n:Unit {id: $id}) RETURN n
UNION ALL
MATCH (n:Department {id: $id}) RETURN n
UNION ALL
MATCH (n:PropertyCompany {id: $id}) RETURN n
UNION ALL
MATCH (n:OwnersCommittee {id: $id}) RETURN n
UNION ALL
MATCH (n:PropertyMgmtCommittee {id: $id}) RETURN n
UNION ALL
MATCH (n:Person {id: $id}) RETURN n
UNION ALL
MATCH (n:IssueCategory {id: $id}) RETURN n
UNION ALL
MATCH (n:Document {id: $id}) RETURN n
UNION ALL
MATCH (n:Meeting {id: $id}) RETURN n
UNION ALL
MATCH (n:Task {id: $id}) RETURN n
UNION ALL
MATCH (n:Project {id: $id}) RETURN n
UNION ALL
MATCH (n:Funding {id: $id}) RETURN n
UNION ALL
MATCH (n:Activity {id: $id}) RETURN n
UNION ALL
MATCH (n:Issue {id: $id}) RETURN n
UNION ALL
MATCH (n:Step {id: $id}) RETURN n
UNION ALL
MATCH (n:Evaluation {id: $id}) RETURN n
UNION ALL
MATCH (n:Award {id: $id}) RETURN n
UNION ALL
MATCH (n:PointCategory {id: $id}) RETURN n
UNION ALL
MATCH (n:PointItem {id: $id}) RETURN n
