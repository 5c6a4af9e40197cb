// name: resolution_rate
// description: "Small matters stay in the grid, big matters stay in the community"
// (小事不出网格、大事不出社区): the share of resolved issues whose resolution level (the level of
// the latest `resolved` step) is grid or community. Resolved issues as in resolution_by_level.
// The rate is null when no issue was resolved.
// param: from_date: date = null -- earliest day of the resolved step (inclusive)
// param: to_date: date = null -- latest day of the resolved step (inclusive)
// returns: resolved (int), in_grid_or_community (int), rate (float: 0..1)
MATCH (i:Issue) WHERE i.status IN ['resolved', 'closed']
CALL (i) {
  // walk the trail back from its last step to the latest `resolved` step
  MATCH (i)-[:LAST_STEP]->(:Step)<-[:NEXT]-*(s:Step {action: 'resolved'})
  RETURN s ORDER BY s.seq DESC LIMIT 1
}
WITH i, s, date(datetime(s.at)) AS day
WHERE ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
WITH count(*) AS resolved, count(CASE WHEN s.level IN ['grid', 'community'] THEN 1 END) AS kept
RETURN resolved, kept AS in_grid_or_community,
       CASE WHEN resolved = 0 THEN null ELSE toFloat(kept) / resolved END AS rate
