// name: org_contacts
// description: Whom to call at each of some organizations or people: for a person, the person; for
// an organization (party or administrative organization, department, unit, property company or
// committee), its head: a current member (no `until`, or `until` not passed) with a leading role,
// the secretary first, then the director. The phone is the contact's work phone (people in a
// public-facing role hold one whole), else their stored (masked) phone. Ids that name nothing give no row.
// param: ids: list of strings -- organization or person ids
// returns: id (string), contact_id (string), contact_name (string), contact_role (string), phone (string)
UNWIND $ids AS id
CALL (id) {
  MATCH (o:PartyOrg {id: id}) RETURN o
  UNION MATCH (o:AdminOrg {id: id}) RETURN o
  UNION MATCH (o:Department {id: id}) RETURN o
  UNION MATCH (o:Unit {id: id}) RETURN o
  UNION MATCH (o:PropertyCompany {id: id}) RETURN o
  UNION MATCH (o:OwnersCommittee {id: id}) RETURN o
  UNION MATCH (o:PropertyMgmtCommittee {id: id}) RETURN o
  UNION MATCH (o:Person {id: id}) RETURN o
}
WITH id, o,
     CASE WHEN o:Person THEN null ELSE COLLECT {
       MATCH (h:Person)-[m:MEMBER_OF]->(o)
       WHERE m.role IN ['secretary', 'director', 'head', 'chair', 'chairman', 'manager', 'leader']
         AND (m.until IS NULL OR date(m.until) >= date())
       RETURN h {.id, .name, phone: coalesce(h.work_phone, h.phone), role: m.role} AS head
       ORDER BY CASE m.role WHEN 'secretary' THEN 0 WHEN 'director' THEN 1 ELSE 2 END, h.id
       LIMIT 1
     }[0] END AS head
RETURN DISTINCT id,
       CASE WHEN o:Person THEN o.id ELSE head.id END AS contact_id,
       CASE WHEN o:Person THEN o.name ELSE head.name END AS contact_name,
       CASE WHEN o:Person THEN 'person' ELSE head.role END AS contact_role,
       CASE WHEN o:Person THEN coalesce(o.work_phone, o.phone) ELSE head.phone END AS phone
