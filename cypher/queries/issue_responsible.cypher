// name: issue_responsible
// description: The parties responsible for an issue of a category in an area (a Grid, MicroGrid or
// Community), level by level along the routing rule "small matters on the spot, big matters
// together, hard matters coordinated": grid workers of the micro-grid and of its grid; for
// property categories the compounds' party branch, property company or property management
// committee, and owners' committee; the community party committee, residents'/villagers'
// committee, big party committee, its secretary cadre and paired units; the street working
// committee and street office; the district departments whose `categories` include the category.
// Each row carries `why`: the graph path from the area as a short list of hops, and a contact:
// the person's phone (the work phone of a person in a public-facing role, else the stored, masked
// one), or for an organization its head (a member with a leading role).
// An unknown area gives no row; an unknown category still gives the grid, community and street
// levels.
// param: area_id: string -- id of the Grid, MicroGrid or Community
// param: category: string = null -- issue category (service code)
// param: property_categories: list of strings = ['property', 'parking', 'sanitation'] -- categories the compound's property side answers for
// returns: level (string), rank (integer), role (string), id (string), name (string), label (string), why (list of strings), contact_name (string), contact_role (string), phone (string)
CALL () {
  MATCH (a:MicroGrid {id: $area_id}) RETURN a
  UNION
  MATCH (a:Grid {id: $area_id}) RETURN a
  UNION
  MATCH (a:Community {id: $area_id}) RETURN a
}
WITH a LIMIT 1
OPTIONAL MATCH (a)-[:PART_OF*0..1]->(g:Grid)
OPTIONAL MATCH (a)-[:PART_OF*0..2]->(c:Community)
OPTIONAL MATCH (c)-[:PART_OF]->(st:Street)
OPTIONAL MATCH (st)-[:PART_OF]->(d:District)
WITH a, g, c, st, d, coalesce($property_categories, ['property', 'parking', 'sanitation']) AS propertyCats,
     labels(a)[0] + ' ' + a.name AS here
CALL (a, g, c, st, d, propertyCats, here) {
  MATCH (p:Person)-[w:WORKS]->(a) WHERE a:MicroGrid
  RETURN 'grid' AS level, 1 AS rank, coalesce(w.role, 'grid_worker') AS role, p AS o,
         [here + ' <-WORKS(' + coalesce(w.role, 'grid_worker') + ')- Person ' + p.name] AS why
  UNION
  MATCH (p:Person)-[w:WORKS]->(g)
  RETURN 'grid' AS level, 2 AS rank, coalesce(w.role, 'grid_worker') AS role, p AS o,
         CASE WHEN a = g THEN [] ELSE [here + ' -PART_OF-> Grid ' + g.name] END
           + ['Grid ' + g.name + ' <-WORKS(' + coalesce(w.role, 'grid_worker') + ')- Person ' + p.name] AS why
  UNION
  MATCH (cp:Compound)-[:IN_GRID]->(g), (o)-[r:SERVES|MANAGES|REPRESENTS]->(cp)
  WHERE $category IN propertyCats
    AND ((o:PartyOrg AND o.kind = 'compound_branch') OR o:PropertyCompany OR o:PropertyMgmtCommittee OR o:OwnersCommittee)
  WITH a, g, cp, o, r, here,
       CASE WHEN o:PartyOrg THEN ['compound_branch', 3] WHEN o:PropertyCompany THEN ['property_company', 4]
            WHEN o:PropertyMgmtCommittee THEN ['property_mgmt_committee', 5] ELSE ['owners_committee', 6] END AS kr
  RETURN 'grid' AS level, kr[1] AS rank, kr[0] AS role, o,
         CASE WHEN a = g THEN [] ELSE [here + ' -PART_OF-> Grid ' + g.name] END
           + ['Grid ' + g.name + ' <-IN_GRID- Compound ' + cp.name,
              'Compound ' + cp.name + ' <-' + type(r) + '- ' + labels(o)[0] + ' ' + o.name] AS why
  UNION
  MATCH (o)-[:SERVES]->(c)
  WHERE (o:PartyOrg AND o.kind IN ['community_committee', 'big_party_committee'])
     OR (o:AdminOrg AND o.kind IN ['residents_committee', 'villagers_committee'])
  WITH a, c, o, here,
       CASE o.kind WHEN 'community_committee' THEN 10 WHEN 'big_party_committee' THEN 12 ELSE 11 END AS rank
  RETURN 'community' AS level, rank, o.kind AS role, o,
         CASE WHEN a = c THEN [] ELSE [here + ' -PART_OF-> Community ' + c.name] END
           + ['Community ' + c.name + ' <-SERVES- ' + labels(o)[0] + ' ' + o.name] AS why
  UNION
  MATCH (p:Person)-[:SECRETARY_OF]->(b:PartyOrg {kind: 'big_party_committee'})-[:SERVES]->(c)
  RETURN 'community' AS level, 13 AS rank, 'big_party_committee_secretary' AS role, p AS o,
         CASE WHEN a = c THEN [] ELSE [here + ' -PART_OF-> Community ' + c.name] END
           + ['Community ' + c.name + ' <-SERVES- PartyOrg ' + b.name,
              'PartyOrg ' + b.name + ' <-SECRETARY_OF- Person ' + p.name] AS why
  UNION
  MATCH (u:Unit)-[:PAIRED_WITH]->(c)
  RETURN 'community' AS level, 14 AS rank, 'paired_unit' AS role, u AS o,
         CASE WHEN a = c THEN [] ELSE [here + ' -PART_OF-> Community ' + c.name] END
           + ['Community ' + c.name + ' <-PAIRED_WITH- Unit ' + u.name] AS why
  UNION
  MATCH (o)-[:SERVES]->(st)
  WHERE (o:PartyOrg AND o.kind = 'street_working_committee') OR (o:AdminOrg AND o.kind = 'street_office')
  RETURN 'street' AS level, CASE WHEN o:PartyOrg THEN 20 ELSE 21 END AS rank, o.kind AS role, o,
         CASE WHEN a = c THEN [] ELSE [here + ' -PART_OF-> Community ' + c.name] END
           + ['Community ' + c.name + ' -PART_OF-> Street ' + st.name,
              'Street ' + st.name + ' <-SERVES- ' + labels(o)[0] + ' ' + o.name] AS why
  UNION
  MATCH (o:Department)-[:PART_OF]->(d)
  WHERE $category IN o.categories
  RETURN 'district' AS level, 30 AS rank, 'department' AS role, o,
         CASE WHEN a = c THEN [] ELSE [here + ' -PART_OF-> Community ' + c.name] END
           + ['Community ' + c.name + ' -PART_OF-> Street ' + st.name,
          'Street ' + st.name + ' -PART_OF-> District ' + d.name,
          'District ' + d.name + ' <-PART_OF- Department ' + o.name + ' (categories include ' + $category + ')'] AS why
}
WITH level, rank, role, o, why,
     CASE WHEN o:Person THEN null ELSE COLLECT {
       MATCH (h:Person)-[m:MEMBER_OF]->(o)
       WHERE m.role IN ['secretary', 'director', 'head', 'chair', 'chairman', 'manager', 'leader']
         AND (m.until IS NULL OR date(m.until) >= date())
       RETURN h {.name, phone: coalesce(h.work_phone, h.phone), role: m.role} AS head
       ORDER BY CASE m.role WHEN 'secretary' THEN 0 WHEN 'director' THEN 1 ELSE 2 END, h.id
       LIMIT 1
     }[0] END AS head
RETURN level, rank, role, o.id AS id, o.name AS name, labels(o)[0] AS label, why,
       CASE WHEN o:Person THEN o.name ELSE head.name END AS contact_name,
       CASE WHEN o:Person THEN role ELSE head.role END AS contact_role,
       CASE WHEN o:Person THEN coalesce(o.work_phone, o.phone) ELSE head.phone END AS phone
ORDER BY rank, name, id
