// name: graph_community
// description: A community's whole organizational picture, as nodes (graph_links adds the
// relationships between them): the community, its street and district, the party and
// administrative organizations serving the community and the street (street working committee,
// street office, community party committee, big party committee, residents' committee), the big party
// committee's secretary and members, linked cadres, paired units, grids and the units covering
// them, micro-grids (capped), compounds with their party branch, property company, owners'
// committee or property management committee, and buildings with their party groups (capped).
// param: id: string -- the community's id (its division code)
// param: micro_grid_limit: int[0..5000] = 200 -- at most this many micro-grids (by id)
// param: building_limit: int[0..5000] = 300 -- at most this many buildings (by id), with their party groups
// An unknown id gives no row.
// returns: nodes (list<node>), truncated (bool: a cap left some nodes out), left_out (map: MicroGrid, Building: how many each cap left out)
MATCH (c:Community {id: $id})
OPTIONAL MATCH (c)-[:PART_OF]->(s:Street)
OPTIONAL MATCH (s)-[:PART_OF]->(d:District)
CALL (c, s) {
  UNWIND [area IN [c, s] WHERE area IS NOT NULL] AS area
  MATCH (o)-[:SERVES]->(area)
  WHERE o:PartyOrg OR o:AdminOrg
  RETURN collect(DISTINCT o) AS orgs
}
CALL (c) {
  OPTIONAL MATCH (m)-[:MEMBER_OF|SECRETARY_OF]->(:PartyOrg {kind: 'big_party_committee'})-[:SERVES]->(c)
  RETURN collect(DISTINCT m) AS members
}
CALL (c) {
  OPTIONAL MATCH (x)-[:LINKED_TO|PAIRED_WITH]->(c)
  RETURN collect(DISTINCT x) AS linked
}
CALL (c) {
  OPTIONAL MATCH (g:Grid)-[:PART_OF]->(c)
  RETURN collect(g) AS grids
}
CALL (grids) {
  UNWIND grids AS g
  OPTIONAL MATCH (u:Unit)-[:COVERS]->(g)
  RETURN collect(DISTINCT u) AS covering
}
CALL (grids) {
  UNWIND grids AS g
  MATCH (mg:MicroGrid)-[:PART_OF]->(g)
  WITH mg ORDER BY mg.id
  RETURN collect(mg) AS micro_grids
}
CALL (grids) {
  UNWIND grids AS g
  MATCH (cp:Compound)-[:IN_GRID]->(g)
  RETURN collect(DISTINCT cp) AS compounds
}
CALL (compounds) {
  UNWIND compounds AS cp
  MATCH (x)-[:MANAGES|REPRESENTS|SERVES]->(cp)
  RETURN collect(DISTINCT x) AS compound_orgs
}
CALL (compounds) {
  UNWIND compounds AS cp
  MATCH (b:Building)-[:IN]->(cp)
  WITH b ORDER BY b.id
  RETURN collect(b) AS buildings
}
WITH c, s, d, orgs, members, linked, grids, covering, compounds, compound_orgs,
     micro_grids[0..$micro_grid_limit] AS shown_micro_grids,
     buildings[0..$building_limit] AS shown_buildings,
     size(micro_grids) > $micro_grid_limit OR size(buildings) > $building_limit AS truncated,
     {MicroGrid: size(micro_grids) - size(micro_grids[0..$micro_grid_limit]),
      Building: size(buildings) - size(buildings[0..$building_limit])} AS left_out
CALL (shown_buildings) {
  UNWIND shown_buildings AS b
  MATCH (bg:PartyOrg)-[:SERVES]->(b)
  RETURN collect(DISTINCT bg) AS building_groups
}
UNWIND [c, s, d] + orgs + members + linked + grids + covering + shown_micro_grids + compounds
       + compound_orgs + shown_buildings + building_groups AS n
WITH DISTINCT n, truncated, left_out
WHERE n IS NOT NULL
RETURN collect(n) AS nodes, truncated, left_out
