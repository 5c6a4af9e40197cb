// name: resolution_rate
// description: "Small matters stay in the grid, big matters stay in the community"
// (小事不出网格、大事不出社区): the share of resolved issues whose resolution level (the level of
// the latest `resolved` step) is grid or community. Resolved issues as in resolution_by_level.
// The rate is null when no issue was resolved.
// Read from the state kept on each issue (graph/model/issue_state.py: resolution_level and
// resolution_at, the latest `resolved` step's level and time), without walking trails.
// param: from_date: date = null -- earliest day of the resolved step (inclusive)
// param: to_date: date = null -- latest day of the resolved step (inclusive)
// returns: resolved (int), in_grid_or_community (int), rate (float: 0..1)
MATCH (i:Issue) WHERE i.status IN ['resolved', 'closed'] AND i.resolution_level IS NOT NULL
WITH i, i.resolution_level AS level, date(i.resolution_at) AS day
WHERE ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
WITH count(*) AS resolved, count(CASE WHEN level IN ['grid', 'community'] THEN 1 END) AS kept
RETURN resolved, kept AS in_grid_or_community,
       CASE WHEN resolved = 0 THEN null ELSE toFloat(kept) / resolved END AS rate
