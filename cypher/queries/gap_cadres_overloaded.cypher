// name: gap_cadres_overloaded
// description: Division-level cadres linked (LINKED_TO) to more than n communities, with those
// communities (cadre workload). Most communities first, then by person id.
// param: n: int[0..] = 3 -- list cadres linked to more than this many communities
// param: offset: int = 0 -- rows to skip
// param: limit: int = 100 -- rows to return
// returns: person_id (string), person_name (string), communities (int), community_ids (list<string>), community_names (list<string>)
MATCH (p:Person)-[:LINKED_TO]->(c:Community)
WITH p, c ORDER BY c.id
WITH p, collect(c.id) AS ids, collect(c.name) AS names
WHERE size(ids) > $n
RETURN p.id AS person_id, p.name AS person_name, size(ids) AS communities, ids AS community_ids, names AS community_names
ORDER BY communities DESC, person_id
SKIP $offset LIMIT $limit
