// name: resolution_by_level
// description: Resolved issues by resolution level and category. An issue counts as resolved when
// its status is resolved or closed and its trail holds a `resolved` step; its resolution level is
// the level of its latest `resolved` step (docs/model.md). Optionally only resolutions in a date
// window. Levels in order grid, community, street, district, then by category.
// Read from the state kept on each issue (graph/model/issue_state.py: resolution_level and
// resolution_at, the latest `resolved` step's level and time), without walking trails.
// param: from_date: date = null -- earliest day of the resolved step (inclusive)
// param: to_date: date = null -- latest day of the resolved step (inclusive)
// returns: resolution_level (string), category (string), resolved (int)
MATCH (i:Issue) WHERE i.status IN ['resolved', 'closed'] AND i.resolution_level IS NOT NULL
WITH i, i.resolution_level AS level, date(i.resolution_at) AS day
WHERE ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
WITH level AS resolution_level, i.category AS category, count(*) AS resolved
RETURN resolution_level, category, resolved
ORDER BY CASE resolution_level WHEN 'grid' THEN 0 WHEN 'community' THEN 1 WHEN 'street' THEN 2
                               WHEN 'district' THEN 3 ELSE 4 END, category
