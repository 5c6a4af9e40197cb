// name: areas_of
// description: The areas a node lies in, up to its district, for keys limited to one area: an area
// itself and those above it; an issue's area (LOCATED_IN); a person's communities and grids
// (LINKED_TO, WORKS, REGISTERED_AT), the areas, compounds and buildings their organizations serve
// (SECRETARY_OF, MEMBER_OF, then SERVES) and the buildings they head, each followed up (IN,
// IN_GRID, PART_OF). An unknown id gives an empty list.
// param: id: string -- an Issue, Person or area id
// returns: areas (list<string>)
CALL (*) {
  MATCH (a:District|Street|Community|Grid|MicroGrid {id: $id}) RETURN a AS start
  UNION
  MATCH (:Issue {id: $id})-[:LOCATED_IN]->(a) RETURN a AS start
  UNION
  MATCH (:Person {id: $id})-[:LINKED_TO|WORKS|REGISTERED_AT|HEADS]->(a) RETURN a AS start
  UNION
  MATCH (:Person {id: $id})-[:SECRETARY_OF|MEMBER_OF]->(:PartyOrg|AdminOrg)-[:SERVES]->(a) RETURN a AS start
}
OPTIONAL MATCH (start)-[:IN|IN_GRID|PART_OF*0..6]->(up)
WHERE up:District OR up:Street OR up:Community OR up:Grid OR up:MicroGrid
RETURN collect(DISTINCT up.id) AS areas
