// name: issue_loop_refs
// description: Checks the references of an issue or step recorded through the API before anything
// is written: the area the issue is located in (Grid, MicroGrid or Community), the handler acting
// (an organization or a person), the meeting it was raised at and its category. Each lookup is
// one indexed match per label.
// param: located_in_id: string = null -- the area's id
// param: by_id: string = null -- the handler's id
// param: meeting_id: string = null -- the meeting's id
// param: category: string = null -- the issue category (service code)
// returns: location_label (string), handler_label (string), meeting_found (boolean), category_found (boolean), categories_known (integer)
RETURN
  COLLECT {
    MATCH (a:Grid {id: $located_in_id}) RETURN 'Grid' AS l
    UNION MATCH (a:MicroGrid {id: $located_in_id}) RETURN 'MicroGrid' AS l
    UNION MATCH (a:Community {id: $located_in_id}) RETURN 'Community' AS l
  }[0] AS location_label,
  COLLECT {
    MATCH (h:Person {id: $by_id}) RETURN 'Person' AS l
    UNION MATCH (h:PartyOrg {id: $by_id}) RETURN 'PartyOrg' AS l
    UNION MATCH (h:AdminOrg {id: $by_id}) RETURN 'AdminOrg' AS l
    UNION MATCH (h:Department {id: $by_id}) RETURN 'Department' AS l
    UNION MATCH (h:Unit {id: $by_id}) RETURN 'Unit' AS l
    UNION MATCH (h:PropertyCompany {id: $by_id}) RETURN 'PropertyCompany' AS l
    UNION MATCH (h:OwnersCommittee {id: $by_id}) RETURN 'OwnersCommittee' AS l
    UNION MATCH (h:PropertyMgmtCommittee {id: $by_id}) RETURN 'PropertyMgmtCommittee' AS l
  }[0] AS handler_label,
  EXISTS { MATCH (m:Meeting {id: $meeting_id}) } AS meeting_found,
  EXISTS { MATCH (c:IssueCategory {id: $category}) } AS category_found,
  COUNT { MATCH (c:IssueCategory) } AS categories_known
