// name: stats_overview
// description: The article's figures (docs/demo-data.md) computed from the graph, one row per figure key
// (graph/services/stats/figures.py holds the labels and the article's values; docs/demo-data.md the definitions).
// "since" periods count Beijing dates from $since: meetings and activities by their date, issues by
// resolved_at, funding by year. "Solved" means status resolved or closed with a resolved_at.
// Coverage figures are percentages (2 decimals), null when there is nothing to cover.
// Each branch aggregates in WITH before naming its key: a constant beside an aggregate would be a
// grouping key, and a branch that matches nothing would then give no row instead of 0.
// param: since: date = 2024-01-01 -- first day of the "since 2024" period
// param: award_year: int[2000..2100] = 2023 -- the year of the awards counted
// param: min_funding: int[0..] = 30000 -- the rule: yuan a unit gives in each year it gives
// param: satisfied: int[1..5] = 4 -- the lowest rating (of 5) that counts as satisfied
// returns: key (string), value (float)
CALL () {
  // cadres: people with role cadre who are linked to a community and secretary of a big party committee
  MATCH (p:Person)-[:SECRETARY_OF]->(:PartyOrg {kind: 'big_party_committee'})
  WHERE 'cadre' IN p.roles AND EXISTS { (p)-[:LINKED_TO]->(:Community) }
  WITH count(DISTINCT p) AS value RETURN 'cadres' AS key, value
  UNION ALL
  MATCH (c:Community)<-[:SERVES]-(:PartyOrg {kind: 'big_party_committee'})
  WITH count(DISTINCT c) AS value RETURN 'bpc_communities' AS key, value
  UNION ALL
  // a cadre linked to the community is secretary of its big party committee
  MATCH (c:Community)<-[:SERVES]-(b:PartyOrg {kind: 'big_party_committee'})
  WHERE EXISTS { (c)<-[:LINKED_TO]-(p:Person)-[:SECRETARY_OF]->(b) WHERE 'cadre' IN p.roles }
  WITH count(DISTINCT c) AS value RETURN 'bpc_with_cadre' AS key, value
  UNION ALL
  MATCH (m:Meeting {kind: 'joint_meeting'}) WHERE date(m.date) >= $since
  WITH count(m) AS value RETURN 'joint_meetings' AS key, value
  UNION ALL
  MATCH (m:Meeting {kind: 'onsite_office'}) WHERE date(m.date) >= $since
  WITH count(m) AS value RETURN 'onsite_meetings' AS key, value
  UNION ALL
  // residents' difficulties: issues collected on visits or raised at joint meetings, solved in the period
  MATCH (i:Issue) WHERE i.channel IN ['visit', 'joint_meeting'] AND i.status IN ['resolved', 'closed']
    AND i.resolved_at >= datetime({date: $since, timezone: '+08:00'})
  WITH count(i) AS value RETURN 'difficulties_solved' AS key, value
  UNION ALL
  MATCH (i:Issue {channel: 'petition'}) WHERE i.status IN ['resolved', 'closed']
    AND i.resolved_at >= datetime({date: $since, timezone: '+08:00'})
  WITH count(i) AS value RETURN 'petitions_resolved' AS key, value
  UNION ALL
  MATCH (u:Unit)-[:PAIRED_WITH]->(c:Community)<-[:SERVES]-(:PartyOrg {kind: 'big_party_committee'})
  WITH count(DISTINCT u) AS value RETURN 'paired_units' AS key, value
  UNION ALL
  MATCH (c:Community)<-[:SERVES]-(:PartyOrg {kind: 'big_party_committee'})
  WHERE EXISTS { (c)<-[:PAIRED_WITH]-(:Unit) }
  WITH count(DISTINCT c) AS value RETURN 'paired_coverage' AS key, value
  UNION ALL
  // the rule is judged per unit and year over the years a unit gave anything
  MATCH (u:Unit)-[:GAVE]->(f:Funding)
  WITH u, f.year AS year, sum(f.amount) AS total
  WITH min(total) AS value RETURN 'min_unit_funding' AS key, value
  UNION ALL
  MATCH (u:Unit)-[:GAVE]->(f:Funding)
  WITH u, f.year AS year, sum(f.amount) AS total
  WITH count(CASE WHEN total < $min_funding THEN 1 END) AS value RETURN 'unit_years_below_rule' AS key, value
  UNION ALL
  MATCH (:Unit)-[:GAVE]->(f:Funding)-[:TO]->(:Community) WHERE f.year >= $since.year
  WITH sum(f.amount) AS value RETURN 'funding_total' AS key, value
  UNION ALL
  // projects a unit supports and that received funds in the period
  MATCH (p:Project)
  WHERE EXISTS { (:Unit)-[:SUPPORTS]->(p) } AND EXISTS { (f:Funding)-[:FOR]->(p) WHERE f.year >= $since.year }
  WITH count(p) AS value RETURN 'projects' AS key, value
  UNION ALL
  // person-times: people joining activities organized by a unit in the period
  MATCH (a:Activity) WHERE date(a.date) >= $since AND EXISTS { (:Unit)-[:ORGANIZED]->(a) }
  MATCH (:Person)-[j:JOINED]->(a)
  WITH count(j) AS value RETURN 'unit_service' AS key, value
  UNION ALL
  MATCH (m:MicroGrid) WITH count(m) AS value RETURN 'micro_grids' AS key, value
  UNION ALL
  MATCH (o:PartyOrg {kind: 'compound_branch'}) WITH count(o) AS value RETURN 'compound_branches' AS key, value
  UNION ALL
  MATCH (g:Grid {kind: 'compound'}) WITH count(g) AS value RETURN 'compound_grids' AS key, value
  UNION ALL
  MATCH (o:PartyOrg {kind: 'building_group'}) WITH count(o) AS value RETURN 'building_groups' AS key, value
  UNION ALL
  MATCH (o:OwnersCommittee {red: true}) WITH count(o) AS value RETURN 'red_owners_committees' AS key, value
  UNION ALL
  // of the compounds that have an owners' committee, the share whose committee is red
  MATCH (cp:Compound) WHERE EXISTS { (cp)<-[:REPRESENTS]-(:OwnersCommittee) }
  WITH count(cp) AS n, count(CASE WHEN EXISTS { (cp)<-[:REPRESENTS]-(:OwnersCommittee {red: true}) } THEN 1 END) AS red
  WITH CASE n WHEN 0 THEN null ELSE round(100.0 * red / n, 2) END AS value RETURN 'red_oc_coverage' AS key, value
  UNION ALL
  MATCH (o:PropertyCompany {red: true}) WITH count(o) AS value RETURN 'red_property_companies' AS key, value
  UNION ALL
  // of the compounds that have a property company, the share managed by a red one
  MATCH (cp:Compound) WHERE EXISTS { (cp)<-[:MANAGES]-(:PropertyCompany) }
  WITH count(cp) AS n, count(CASE WHEN EXISTS { (cp)<-[:MANAGES]-(:PropertyCompany {red: true}) } THEN 1 END) AS red
  WITH CASE n WHEN 0 THEN null ELSE round(100.0 * red / n, 2) END AS value RETURN 'red_pc_coverage' AS key, value
  UNION ALL
  MATCH (cp:Compound) WHERE NOT EXISTS { (cp)<-[:MANAGES]-(:PropertyCompany) }
  WITH count(cp) AS value RETURN 'compounds_without_company' AS key, value
  UNION ALL
  // managed: a management mode, and for mgmt_committee a committee that MANAGES it
  MATCH (cp:Compound) WHERE NOT EXISTS { (cp)<-[:MANAGES]-(:PropertyCompany) }
    AND (cp.property_mode IN ['self_managed', 'community_fallback']
      OR (cp.property_mode = 'mgmt_committee' AND EXISTS { (cp)<-[:MANAGES]-(:PropertyMgmtCommittee) }))
  WITH count(cp) AS value RETURN 'compounds_without_company_managed' AS key, value
  UNION ALL
  // the central city: communities of the district's streets (街道), not its towns
  MATCH (p:Person)-[:REGISTERED_AT]->(:Community)-[:PART_OF]->(:Street {kind: 'street'})
  WITH count(DISTINCT p) AS value RETURN 'registered_members' AS key, value
  UNION ALL
  MATCH (:Person)-[j:JOINED]->(:Activity) WITH count(j) AS value RETURN 'volunteer_participations' AS key, value
  UNION ALL
  MATCH (i:Issue {channel: 'platform'}) WHERE i.status IN ['resolved', 'closed'] AND i.resolved_at IS NOT NULL
  WITH count(i) AS value RETURN 'platform_solved' AS key, value
  UNION ALL
  // share of the rated platform-solved problems rated $satisfied or better
  MATCH (i:Issue {channel: 'platform'})
  WHERE i.status IN ['resolved', 'closed'] AND i.resolved_at IS NOT NULL AND i.satisfaction IS NOT NULL
  WITH count(i) AS n, count(CASE WHEN i.satisfaction >= $satisfied THEN 1 END) AS ok
  WITH CASE n WHEN 0 THEN null ELSE round(100.0 * ok / n, 2) END AS value RETURN 'satisfaction' AS key, value
  UNION ALL
  MATCH (m:Meeting {kind: 'evening_talk'}) WHERE date(m.date) >= $since
  WITH count(m) AS value RETURN 'evening_talks' AS key, value
  UNION ALL
  MATCH (i:Issue)-[:RAISED_AT]->(m:Meeting {kind: 'evening_talk'}) WHERE date(m.date) >= $since
  WITH count(DISTINCT i) AS value RETURN 'evening_talk_issues' AS key, value
  UNION ALL
  MATCH (i:Issue)-[:RAISED_AT]->(m:Meeting {kind: 'evening_talk'})
  WHERE date(m.date) >= $since AND i.status IN ['resolved', 'closed'] AND i.resolved_at IS NOT NULL
  WITH count(DISTINCT i) AS value RETURN 'evening_talk_solved' AS key, value
  UNION ALL
  MATCH (o:PropertyCompany)-[:RECEIVED]->(a:Award) WHERE a.year = $award_year
  WITH count(DISTINCT o) AS value RETURN 'awarded_companies' AS key, value
  UNION ALL
  MATCH (p:Person)-[:RECEIVED]->(a:Award) WHERE a.year = $award_year
  WITH count(DISTINCT p) AS value RETURN 'awarded_individuals' AS key, value
  UNION ALL
  MATCH (c:PointCategory) WITH count(c) AS value RETURN 'point_categories' AS key, value
  UNION ALL
  MATCH (i:PointItem) WITH count(i) AS value RETURN 'point_items' AS key, value
  UNION ALL
  MATCH (d:Document {kind: 'guidance'}) WITH count(d) AS value RETURN 'guidance_documents' AS key, value
}
RETURN key, value
