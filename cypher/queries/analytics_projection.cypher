// name: analytics_projection
// description: The co-building network of an area (a district, street or community, by code), one
// row per relationship, for graph/services/analytics: communities of the area and their grids
// (PART_OF), the units paired with them (PAIRED_WITH) or covering their grids (COVERS), the cadres
// linked to them (LINKED_TO), compounds in their grids (IN_GRID), activities in them (IN) and who
// organized them (ORGANIZED), projects for them (FOR) and who supports them (SUPPORTS), and open
// issues located in them, their grids or micro-grids (LOCATED_IN; a micro-grid's issue is counted on
// its grid). A community with none of these still comes as one row with a null relationship. Every
// property of both ends comes along. An area id that is no district, street or community gives no row.
// param: under: string -- the area's code (district, street or community)
// returns: src_id (string), src_label (string), src_props (map), rel (string), rel_props (map), dst_id (string), dst_label (string), dst_props (map)
MATCH (a)
WHERE a.id = $under AND (a:District OR a:Street OR a:Community)
MATCH (c:Community)-[:PART_OF*0..2]->(a)
CALL (c) {
  RETURN c AS src, null AS r, null AS dst
  UNION
  MATCH (g:Grid)-[r:PART_OF]->(c) RETURN g AS src, r, c AS dst
  UNION
  MATCH (u:Unit)-[r:PAIRED_WITH]->(c) RETURN u AS src, r, c AS dst
  UNION
  MATCH (p:Person)-[r:LINKED_TO]->(c) RETURN p AS src, r, c AS dst
  UNION
  MATCH (u:Unit)-[r:COVERS]->(g:Grid)-[:PART_OF]->(c) RETURN u AS src, r, g AS dst
  UNION
  MATCH (k:Compound)-[r:IN_GRID]->(g:Grid)-[:PART_OF]->(c) RETURN k AS src, r, g AS dst
  UNION
  MATCH (x:Activity)-[r:IN]->(c) RETURN x AS src, r, c AS dst
  UNION
  MATCH (u:Unit)-[r:ORGANIZED]->(:Activity)-[:IN]->(c) RETURN u AS src, r, endNode(r) AS dst
  UNION
  MATCH (x:Project)-[r:FOR]->(c) RETURN x AS src, r, c AS dst
  UNION
  MATCH (u:Unit)-[r:SUPPORTS]->(:Project)-[:FOR]->(c) RETURN u AS src, r, endNode(r) AS dst
  UNION
  MATCH (i:Issue)-[r:LOCATED_IN]->(c) WHERE coalesce(i.status, 'open') = 'open' RETURN i AS src, r, c AS dst
  UNION
  MATCH (i:Issue)-[r:LOCATED_IN]->(g:Grid)-[:PART_OF]->(c)
  WHERE coalesce(i.status, 'open') = 'open' RETURN i AS src, r, g AS dst
  UNION
  MATCH (i:Issue)-[r:LOCATED_IN]->(:MicroGrid)-[:PART_OF]->(g:Grid)-[:PART_OF]->(c)
  WHERE coalesce(i.status, 'open') = 'open' RETURN i AS src, r, g AS dst
}
RETURN src.id AS src_id, labels(src)[0] AS src_label, properties(src) AS src_props,
       type(r) AS rel, properties(r) AS rel_props,
       dst.id AS dst_id, labels(dst)[0] AS dst_label, properties(dst) AS dst_props
