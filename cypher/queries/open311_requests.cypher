// name: open311_requests
// description: Issues as Open311 GeoReport v2 service requests. Filters: ids (when given, the
// others are ignored, as the spec says for service_request_id), statuses (the issue's own
// statuses: open, resolved, closed), service codes, and a window on reported_at. The current
// handler is the BY of the latest `accepted` step when no escalation or reopening followed it (for
// a person, the organization they are a member of); its `due` is the expected time. Newest first.
// Times are compared as instants (epochMillis): Neo4j orders equal instants in two zones by zone.
// param: ids: list of strings = null -- issue ids
// param: statuses: list<issue_status> = null -- issue statuses to keep
// param: service_codes: list of strings = null -- categories to keep
// param: start: moment = null -- earliest reported_at
// param: end: moment = null -- latest reported_at
// param: offset: integer = 0 -- rows to skip
// param: limit: integer = 1000 -- rows to return
// returns: id (string), title (string), category (string), category_name (string), status (string), level (string), reported_at (datetime), updated_at (datetime), last_action (string), last_level (string), handler (string), due (datetime), location_id (string), areas (list of strings, district first)
CALL () {
  UNWIND coalesce($ids, []) AS id
  MATCH (i:Issue {id: id})
  RETURN i
  UNION
  MATCH (i:Issue)
  WHERE $ids IS NULL
    AND ($statuses IS NULL OR i.status IN $statuses)
    AND ($service_codes IS NULL OR i.category IN $service_codes)
    AND ($start IS NULL OR datetime(i.reported_at).epochMillis >= $start.epochMillis)
    AND ($end IS NULL OR datetime(i.reported_at).epochMillis <= $end.epochMillis)
  RETURN i
}
WITH i ORDER BY datetime(i.reported_at) DESC, i.id
SKIP coalesce($offset, 0) LIMIT coalesce($limit, 1000)
OPTIONAL MATCH (i)-[:LAST_STEP]->(last:Step)
OPTIONAL MATCH (i)-[:LOCATED_IN]->(loc:Grid|MicroGrid|Community)
OPTIONAL MATCH (cat:IssueCategory {id: i.category})
CALL (i) {
  OPTIONAL MATCH (i)-[:FIRST_STEP]->(:Step)-[:NEXT]->*(acc:Step {action: 'accepted'})
  WHERE NOT EXISTS { MATCH (acc)-[:NEXT]->+(x:Step) WHERE x.action IN ['escalated', 'reopened'] }
  OPTIONAL MATCH (acc)-[:BY]->(h)
  RETURN acc, h ORDER BY acc.seq DESC LIMIT 1
}
CALL (h) {
  // A person acting (steps recorded through the API carry the key's person) answers for their organization.
  OPTIONAL MATCH (h:Person)-[m:MEMBER_OF]->(org)
  WHERE m.until IS NULL OR date(m.until) >= date()
  RETURN org ORDER BY org.id LIMIT 1
}
RETURN i.id AS id, i.title AS title, i.category AS category, cat.name AS category_name, i.status AS status,
       i.level AS level, i.reported_at AS reported_at, coalesce(last.at, i.reported_at) AS updated_at,
       last.action AS last_action, last.level AS last_level, coalesce(org.name, h.name) AS handler, acc.due AS due,
       loc.id AS location_id,
       COLLECT { MATCH path = (loc)-[:PART_OF*0..4]->(up) RETURN up.name AS name ORDER BY length(path) DESC } AS areas
ORDER BY datetime(reported_at) DESC, id
