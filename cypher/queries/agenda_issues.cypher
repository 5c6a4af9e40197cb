// name: agenda_issues
// description: The big matters of a community at time as_of, for the agenda of its next joint
// meeting: issues located in the community (LOCATED_IN its grids, micro-grids or itself) that are
// open at as_of (counting only steps at or before as_of) and need more than the grid: their
// current level is community or above (filed there, escalated there or beyond), or the latest
// acceptance is past its due with nothing done since (overdue at any level). `level` is the level
// the issue is at (an escalation moves it to the next level, still waiting to be accepted there);
// `waiting` says it waits there unaccepted; `days_since` counts whole days since the last step
// that moved it. Oldest report first.
// Times are compared as instants (epochMillis).
// param: community_id: string -- the community's code
// param: as_of: moment = now -- a date means the end of that day in the project's time zone (GRASSROOTS_TZ)
// returns: issue_id (string), title (string), category (string), category_name (string), reported_at (datetime), level (string), waiting (boolean), last_action (string), last_level (string), last_at (datetime), due (datetime), overdue (boolean), days_since (integer), located_id (string), located_label (string), located_name (string)
WITH coalesce($as_of, datetime()) AS asOf
MATCH (c:Community {id: $community_id})
MATCH (i:Issue)-[:LOCATED_IN]->(loc)-[:PART_OF*0..2]->(c)
WHERE (loc:Grid OR loc:MicroGrid OR loc:Community)
  AND datetime(i.reported_at).epochMillis <= asOf.epochMillis
WITH DISTINCT i, loc, asOf
WITH i, loc, asOf, COLLECT {
  MATCH (i)-[:FIRST_STEP]->(:Step)-[:NEXT]->*(s:Step)
  WHERE datetime(s.at).epochMillis <= asOf.epochMillis
  RETURN s ORDER BY s.seq
} AS steps
WHERE size(steps) > 0
WITH i, loc, asOf, steps,
     [s IN steps WHERE s.action IN ['resolved', 'closed', 'reopened']] AS ends,
     [s IN steps WHERE s.action <> 'supervised'][-1] AS last,
     [s IN steps WHERE s.action = 'accepted'][-1] AS acc
WHERE size(ends) = 0 OR ends[-1].action = 'reopened'
WITH i, loc, asOf, last, acc,
     CASE WHEN last.action = 'escalated'
          THEN CASE last.level WHEN 'grid' THEN 'community' WHEN 'community' THEN 'street' ELSE 'district' END
          ELSE last.level END AS level,
     acc IS NOT NULL AND acc.due IS NOT NULL AND datetime(acc.due).epochMillis < asOf.epochMillis
       AND NONE(s IN steps WHERE s.seq > acc.seq
         AND (s.action IN ['escalated', 'resolved', 'closed'] OR (s.action = 'accepted' AND s.level = acc.level)))
       AS overdue
WHERE level IN ['community', 'street', 'district'] OR overdue
RETURN i.id AS issue_id, i.title AS title, i.category AS category,
       COLLECT { MATCH (k:IssueCategory {id: i.category}) RETURN k.name AS name }[0] AS category_name,
       i.reported_at AS reported_at, level, last.action IN ['escalated', 'reopened', 'filed'] AS waiting,
       last.action AS last_action, last.level AS last_level, last.at AS last_at,
       CASE WHEN overdue THEN acc.due ELSE null END AS due, overdue,
       duration.inSeconds(datetime(last.at), asOf).seconds / 86400 AS days_since,
       loc.id AS located_id, labels(loc)[0] AS located_label, loc.name AS located_name
ORDER BY datetime(i.reported_at), issue_id
