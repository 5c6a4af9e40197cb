// name: issues_overdue
// description: Issues overdue at a level at time as_of (docs/model.md "Definitions the API follows"):
// counting only steps at or before as_of, the latest `accepted` step at the level has a `due`
// earlier than as_of, and no later step moved the issue on (`escalated`) or ended it (`resolved`,
// `closed`). Each row names the issue, its community and street, the level, when it was accepted
// and by whom (the handler), the due time, whole days waited since acceptance and whole days past
// due, and who should take it up: the organizations at that level serving the issue's area
// (community: party committee and residents'/villagers' committee; street: working committee and
// street office; district: the departments whose `categories` include the category; grid: the
// grid workers). Most overdue first. A page past the end gives one row holding only `total`.
// Times are compared as instants (epochMillis): Neo4j orders equal instants in two zones by zone.
// Answered from the state kept on each issue (graph/model/issue_state.py) for the issues whose
// latest step is at or before as_of; only issues with steps after as_of have their trails walked.
// param: level: level = null -- 'grid', 'community', 'street' or 'district'; null means every level
// param: as_of: moment = now -- a date means the end of that day in the project's time zone (GRASSROOTS_TZ)
// param: district: string = null -- only issues in this district (its code)
// param: street: string = null -- only issues in this street (its code)
// param: community: string = null -- only issues in this community (its code)
// param: category: string = null -- only issues of this category (service code)
// param: offset: integer = 0 -- rows to skip
// param: limit: integer = 100 -- rows to return
// returns: total (integer), issue_id (string), title (string), category (string), category_name (string), status (string), community_id (string), community (string), street_id (string), street (string), level (string), accepted_at (datetime), due (datetime), handler (map: id, name, kind), days_waited (integer), days_overdue (integer), next_up (list of maps: id, name, kind)
WITH coalesce($as_of, datetime()) AS asOf
// instants in UTC to the millisecond, as the state on the issue holds them (graph/model/issue_state.py)
WITH asOf, datetime({epochMillis: asOf.epochMillis}) AS asOfMs
CALL (asOfMs) {
  // every step at or before as_of (the usual case): the issue's kept state answers. In a valid
  // trail only `supervised` may follow an accepted step that nothing moved on or ended.
  MATCH (i:Issue {waiting_action: 'accepted'})
  WHERE i.due < asOfMs AND i.last_at <= asOfMs
  MATCH (a:Step {id: i.id + '#' + toString(i.waiting_seq)})
  WHERE ($level IS NULL OR a.level = $level)
  RETURN i, a
  UNION ALL
  // steps after as_of: walk the trail, counting only the steps at or before it
  MATCH (i:Issue) WHERE i.last_at > asOfMs
  MATCH (i)-[:FIRST_STEP]->(:Step)-[:NEXT]->*(a:Step {action: 'accepted'})
  WHERE ($level IS NULL OR a.level = $level)
    AND a.due IS NOT NULL
    AND a.at.epochMillis <= asOfMs.epochMillis
    AND a.due.epochMillis < asOfMs.epochMillis
    AND NOT EXISTS {
      MATCH (a)-[:NEXT]->+(later:Step)
      WHERE later.at.epochMillis <= asOfMs.epochMillis
        AND (later.action IN ['escalated', 'resolved', 'closed']
          OR (later.action = 'accepted' AND later.level = a.level))
    }
  RETURN i, a
}
WITH i, a, asOf
WHERE ($category IS NULL OR i.category = $category)
  AND (($district IS NULL AND $street IS NULL AND $community IS NULL) OR EXISTS {
    MATCH (i)-[:LOCATED_IN]->(:Grid|MicroGrid|Community)-[:PART_OF*0..2]->(fc:Community)-[:PART_OF]->(fs:Street)-[:PART_OF]->(fd:District)
    WHERE ($community IS NULL OR fc.id = $community) AND ($street IS NULL OR fs.id = $street)
      AND ($district IS NULL OR fd.id = $district)
  })
WITH i, a, asOf
ORDER BY a.due, i.id
WITH collect({i: i, a: a, asOf: asOf}) AS hits
WITH size(hits) AS total, hits[coalesce($offset, 0) .. coalesce($offset, 0) + coalesce($limit, 100)] AS page
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE page END AS h
WITH total, h.i AS i, h.a AS a, h.asOf AS asOf
OPTIONAL MATCH (i)-[:LOCATED_IN]->(loc:Grid|MicroGrid|Community)
OPTIONAL MATCH (loc)-[:PART_OF*0..2]->(c:Community)
OPTIONAL MATCH (c)-[:PART_OF]->(st:Street)
OPTIONAL MATCH (a)-[:BY]->(by)
RETURN total, i.id AS issue_id, i.title AS title, i.category AS category,
       COLLECT { MATCH (k:IssueCategory {id: i.category}) RETURN k.name AS name }[0] AS category_name, i.status AS status,
       c.id AS community_id, c.name AS community, st.id AS street_id, st.name AS street,
       a.level AS level, a.at AS accepted_at, a.due AS due,
       CASE WHEN by IS NULL THEN null ELSE by {.id, .name, kind: coalesce(by.kind, labels(by)[0])} END AS handler,
       duration.inSeconds(a.at, asOf).seconds / 86400 AS days_waited,
       duration.inSeconds(a.due, asOf).seconds / 86400 AS days_overdue,
       COLLECT {
         MATCH (p:Person)-[:WORKS]->(loc)
         WHERE a.level = 'grid'
         RETURN p {.id, .name, kind: 'grid_worker'} AS org
         UNION
         MATCH (loc)-[:PART_OF]->(g:Grid)<-[:WORKS]-(p:Person)
         WHERE a.level = 'grid' AND loc:MicroGrid
         RETURN p {.id, .name, kind: 'grid_worker'} AS org
         UNION
         MATCH (o)-[:SERVES]->(c)
         WHERE a.level = 'community'
           AND ((o:PartyOrg AND o.kind = 'community_committee')
             OR (o:AdminOrg AND o.kind IN ['residents_committee', 'villagers_committee']))
         RETURN o {.id, .name, .kind} AS org
         UNION
         MATCH (o)-[:SERVES]->(st)
         WHERE a.level = 'street'
           AND ((o:PartyOrg AND o.kind = 'street_working_committee') OR (o:AdminOrg AND o.kind = 'street_office'))
         RETURN o {.id, .name, .kind} AS org
         UNION
         MATCH (st)-[:PART_OF]->(:District)<-[:PART_OF]-(o:Department)
         WHERE a.level = 'district' AND i.category IN o.categories
         RETURN o {.id, .name, kind: 'department'} AS org
       } AS next_up
