// name: graph_nodes_by_ids
// description: The nodes of the given model ids, whatever their labels: one indexed lookup per
// model label and id (a label-less match would scan every node), for drawing a set of nodes the
// page names by key (a search phrase's rows, relationships among the nodes on screen, a shared
// view). tests/test_graph_view.py checks that every label of the model is listed here.
// param: ids: list<string> -- the model ids to look up
// One row per label holding an id (the caller keeps the labels it asked for).
// returns: n (node)
UNWIND $ids AS id MATCH (n:District {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Street {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Community {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Grid {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:MicroGrid {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Compound {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Building {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:PartyOrg {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:AdminOrg {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Unit {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Department {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:PropertyCompany {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:OwnersCommittee {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:PropertyMgmtCommittee {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Person {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:IssueCategory {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Document {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Meeting {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Task {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Project {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Funding {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Activity {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Issue {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Step {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Evaluation {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:Award {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:PointCategory {id: id}) RETURN n
UNION ALL
UNWIND $ids AS id MATCH (n:PointItem {id: id}) RETURN n
