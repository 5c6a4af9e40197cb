// name: agenda_attendees
// description: Who should attend a community's joint meeting for its agenda items, each with the
// graph path that justifies it as hops (from_label, from_id, type, to_label, to_id: the relationship
// (from)-[type]->(to) as stored): the district departments whose `categories` include a category
// of the issues or of `categories` (Community -PART_OF-> Street -PART_OF-> District <-PART_OF-
// Department); the units that cover the grid an issue arose in (Issue -LOCATED_IN-> [MicroGrid
// -PART_OF->] Grid <-COVERS- Unit); for issues of the property categories the property company,
// property management committee and owners' committee of the compounds in that grid (Grid
// <-IN_GRID- Compound <-MANAGES|REPRESENTS- ...); the units paired with the community (PAIRED_WITH)
// and the cadres linked to it (LINKED_TO). `category` and `issue_id` say which item a row serves
// (null: any item of the community).
// param: community_id: string -- the community's code
// param: issue_ids: list<string> = [] -- the issues on the agenda
// param: categories: list<string> = [] -- further categories whose departments are asked (gaps)
// param: property_categories: list<string> = ['property', 'parking', 'sanitation'] -- categories the compounds' property side answers for
// returns: role (string), category (string), issue_id (string), id (string), name (string), label (string), hops (list of maps: from_label, from_id, type, to_label, to_id)
MATCH (c:Community {id: $community_id})
OPTIONAL MATCH (c)-[:PART_OF]->(st:Street)
OPTIONAL MATCH (st)-[:PART_OF]->(d:District)
CALL (c, st, d) {
  CALL () {
    MATCH (i:Issue) WHERE i.id IN $issue_ids RETURN DISTINCT i.category AS k
    UNION
    UNWIND $categories AS k RETURN k
  }
  MATCH (o:Department)-[:PART_OF]->(d)
  WHERE k IN o.categories
  RETURN 'department' AS role, k AS category, null AS issue_id, o,
         [{from_label: 'Community', from_id: c.id, type: 'PART_OF', to_label: 'Street', to_id: st.id},
          {from_label: 'Street', from_id: st.id, type: 'PART_OF', to_label: 'District', to_id: d.id},
          {from_label: 'Department', from_id: o.id, type: 'PART_OF', to_label: 'District', to_id: d.id}] AS hops
  UNION
  MATCH (i:Issue)-[:LOCATED_IN]->(a)-[:PART_OF*0..1]->(g:Grid)<-[:COVERS]-(o:Unit)
  WHERE i.id IN $issue_ids AND (a:Grid OR a:MicroGrid)
  RETURN 'covering_unit' AS role, i.category AS category, i.id AS issue_id, o,
         [{from_label: 'Issue', from_id: i.id, type: 'LOCATED_IN', to_label: labels(a)[0], to_id: a.id}]
         + CASE WHEN a = g THEN [] ELSE [{from_label: 'MicroGrid', from_id: a.id, type: 'PART_OF', to_label: 'Grid', to_id: g.id}] END
         + [{from_label: 'Unit', from_id: o.id, type: 'COVERS', to_label: 'Grid', to_id: g.id}] AS hops
  UNION
  MATCH (i:Issue)-[:LOCATED_IN]->(a)-[:PART_OF*0..1]->(g:Grid)<-[:IN_GRID]-(cp:Compound)<-[r:MANAGES|REPRESENTS]-(o)
  WHERE i.id IN $issue_ids AND (a:Grid OR a:MicroGrid)
    AND i.category IN coalesce($property_categories, ['property', 'parking', 'sanitation'])
    AND (o:PropertyCompany OR o:OwnersCommittee OR o:PropertyMgmtCommittee)
  RETURN CASE WHEN o:PropertyCompany THEN 'property_company' WHEN o:OwnersCommittee THEN 'owners_committee'
              ELSE 'property_mgmt_committee' END AS role, i.category AS category, i.id AS issue_id, o,
         [{from_label: 'Issue', from_id: i.id, type: 'LOCATED_IN', to_label: labels(a)[0], to_id: a.id}]
         + CASE WHEN a = g THEN [] ELSE [{from_label: 'MicroGrid', from_id: a.id, type: 'PART_OF', to_label: 'Grid', to_id: g.id}] END
         + [{from_label: 'Compound', from_id: cp.id, type: 'IN_GRID', to_label: 'Grid', to_id: g.id},
            {from_label: labels(o)[0], from_id: o.id, type: type(r), to_label: 'Compound', to_id: cp.id}] AS hops
  UNION
  MATCH (o:Unit)-[:PAIRED_WITH]->(c)
  RETURN 'paired_unit' AS role, null AS category, null AS issue_id, o,
         [{from_label: 'Unit', from_id: o.id, type: 'PAIRED_WITH', to_label: 'Community', to_id: c.id}] AS hops
  UNION
  MATCH (o:Person)-[:LINKED_TO]->(c)
  RETURN 'linked_cadre' AS role, null AS category, null AS issue_id, o,
         [{from_label: 'Person', from_id: o.id, type: 'LINKED_TO', to_label: 'Community', to_id: c.id}] AS hops
}
RETURN role, category, issue_id, o.id AS id, o.name AS name, labels(o)[0] AS label, hops
ORDER BY role, id, issue_id, category
