// name: person_picture
// description: A person's picture, in one row: name, roles and phone (the work phone of someone in a
// public-facing role, sealed in the graph; else the masked one a resident may have). For cadres, the communities they are LINKED_TO (with their street) and the big
// party committees they are SECRETARY_OF (with their community); for everyone, memberships
// (Popolo: organization, role, since, until).
// param: id: string -- the person's id
// An unknown id gives no row.
// returns: person (map: id, name, roles, phone), linked_communities (list<map>: id, name, street_id, street_name, since), secretary_of (list<map>: id, name, community_id, community_name, since), memberships (list<map>: org_id, org_name, label, role, since, until)
MATCH (p:Person {id: $id})
RETURN p {.id, .name, .roles, phone: coalesce(p.work_phone, p.phone)} AS person,
       COLLECT { MATCH (p)-[r:LINKED_TO]->(c:Community) OPTIONAL MATCH (c)-[:PART_OF]->(s:Street)
                 RETURN c {.id, .name, street_id: s.id, street_name: s.name, since: r.since} ORDER BY c.id } AS linked_communities,
       COLLECT { MATCH (p)-[r:SECRETARY_OF]->(b:PartyOrg) OPTIONAL MATCH (b)-[:SERVES]->(c:Community)
                 RETURN b {.id, .name, community_id: c.id, community_name: c.name, since: r.since} ORDER BY b.id } AS secretary_of,
       COLLECT { MATCH (p)-[r:MEMBER_OF]->(o)
                 RETURN {org_id: o.id, org_name: o.name, label: labels(o)[0], role: r.role, since: r.since, until: r.until}
                 ORDER BY o.id, r.role } AS memberships
