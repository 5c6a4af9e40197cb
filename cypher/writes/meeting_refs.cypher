// name: writes/meeting_refs
// description: Checks the references of a meeting recorded through the API before anything is
// written: the meeting id (taken already?), the community, the organization holding it, each
// attendee and each task's responsible organization (the label found for each id, null when none),
// and each issue a task addresses. Each lookup is one indexed match per label.
// param: meeting_id: string -- the client's id for the meeting
// param: community_id: string -- the community it is for
// param: held_by_id: string = null -- the PartyOrg or AdminOrg holding it
// param: attendee_ids: list<string> -- organizations and people attending
// param: assignee_ids: list<string> -- the tasks' responsible organizations
// param: issue_ids: list<string> -- the issues the tasks address
// returns: meeting_found (boolean), community_found (boolean), held_by_label (string), attendees (list of maps: id, label), assignees (list of maps: id, label), issues_found (list of strings), default_held_by (string)
RETURN
  EXISTS { MATCH (:Meeting {id: $meeting_id}) } AS meeting_found,
  EXISTS { MATCH (:Community {id: $community_id}) } AS community_found,
  COLLECT {
    MATCH (h:PartyOrg {id: $held_by_id}) RETURN 'PartyOrg' AS l
    UNION MATCH (h:AdminOrg {id: $held_by_id}) RETURN 'AdminOrg' AS l
  }[0] AS held_by_label,
  [x IN $attendee_ids | {id: x, label: COLLECT {
    MATCH (h:Unit {id: x}) RETURN 'Unit' AS l
    UNION MATCH (h:Department {id: x}) RETURN 'Department' AS l
    UNION MATCH (h:Person {id: x}) RETURN 'Person' AS l
    UNION MATCH (h:PartyOrg {id: x}) RETURN 'PartyOrg' AS l
    UNION MATCH (h:AdminOrg {id: x}) RETURN 'AdminOrg' AS l
    UNION MATCH (h:PropertyCompany {id: x}) RETURN 'PropertyCompany' AS l
    UNION MATCH (h:OwnersCommittee {id: x}) RETURN 'OwnersCommittee' AS l
  }[0]}] AS attendees,
  [x IN $assignee_ids | {id: x, label: COLLECT {
    MATCH (h:PartyOrg {id: x}) RETURN 'PartyOrg' AS l
    UNION MATCH (h:AdminOrg {id: x}) RETURN 'AdminOrg' AS l
    UNION MATCH (h:Unit {id: x}) RETURN 'Unit' AS l
    UNION MATCH (h:Department {id: x}) RETURN 'Department' AS l
    UNION MATCH (h:PropertyCompany {id: x}) RETURN 'PropertyCompany' AS l
    UNION MATCH (h:OwnersCommittee {id: x}) RETURN 'OwnersCommittee' AS l
    UNION MATCH (h:PropertyMgmtCommittee {id: x}) RETURN 'PropertyMgmtCommittee' AS l
  }[0]}] AS assignees,
  COLLECT { MATCH (i:Issue) WHERE i.id IN $issue_ids RETURN i.id AS id } AS issues_found,
  COLLECT {
    MATCH (b:PartyOrg {kind: 'big_party_committee'})-[:SERVES]->(:Community {id: $community_id})
    RETURN b.id AS id ORDER BY id
  }[0] AS default_held_by
