// name: gap_compounds_unmanaged
// description: Compounds without property management, a coverage gap. A compound is managed when a
// property company or a property management committee MANAGES it, or when its property_mode is
// self_managed (居民自治自管) or community_fallback (社区兜底); any other compound is listed, with
// the reason. By compound id.
// param: community: string = null -- only this community (its code)
// param: offset: int = 0 -- rows to skip
// param: limit: int = 100 -- rows to return
// returns: compound_id (string), compound_name (string), property_mode (string), reason (string), grid_id (string), community_id (string), community_name (string)
MATCH (k:Compound)
WHERE NOT EXISTS { (k)<-[:MANAGES]-(:PropertyCompany|PropertyMgmtCommittee) }
  AND NOT coalesce(k.property_mode, '') IN ['self_managed', 'community_fallback']
OPTIONAL MATCH (k)-[:IN_GRID]->(g:Grid)
OPTIONAL MATCH (g)-[:PART_OF]->(c:Community)
WITH k, g, c
WHERE $community IS NULL OR c.id = $community
RETURN k.id AS compound_id, k.name AS compound_name, k.property_mode AS property_mode,
       CASE k.property_mode
         WHEN 'company' THEN 'property mode is company, but no property company manages it'
         WHEN 'mgmt_committee' THEN 'property mode is mgmt_committee, but no property management committee manages it'
         ELSE 'no property mode, no property company and no management committee'
       END AS reason,
       g.id AS grid_id, c.id AS community_id, c.name AS community_name
ORDER BY compound_id
SKIP $offset LIMIT $limit
