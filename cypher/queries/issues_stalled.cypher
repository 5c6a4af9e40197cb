// name: issues_stalled
// description: Issues stalled between two levels at time as_of (docs/model.md "Definitions the API
// follows"): counting only steps at or before as_of, the issue's latest step other than `supervised`
// is `escalated` at the lower level of `between` (so it is neither resolved nor closed and the
// upper level has not accepted it), and as_of minus that step's time is at least min_days whole
// 24-hour days. Supervision reminders do not un-stall an issue. Each row names the issue, its
// community and street (LOCATED_IN, then PART_OF up the areas), the level it left, the level it
// waits at, the whole days waited, and who should take it up next: the organizations at the upper
// level serving the issue's area (community: party committee and residents'/villagers' committee;
// street: working committee and street office; district: the departments whose `categories`
// include the issue's category). Longest waits first. A page past the end gives one row holding
// only `total`.
// Times are compared as instants (epochMillis): Neo4j orders equal instants in two zones by zone.
// Answered from the state kept on each issue (graph/model/issue_state.py) for the issues whose
// latest step is at or before as_of; only issues with steps after as_of have their trails walked.
// param: between: between -- 'grid-community', 'community-street' or 'street-district'
// param: min_days: int[0..3650] = 3 -- threshold in whole 24-hour days
// param: as_of: moment = now -- a date means the end of that day in the project's time zone (GRASSROOTS_TZ)
// param: district: string = null -- only issues in this district (its code)
// param: street: string = null -- only issues in this street (its code)
// param: community: string = null -- only issues in this community (its code)
// param: category: string = null -- only issues of this category (service code)
// param: offset: integer = 0 -- rows to skip
// param: limit: integer = 100 -- rows to return
// returns: total (integer), issue_id (string), title (string), category (string), category_name (string), status (string), community_id (string), community (string), street_id (string), street (string), left_level (string), waiting_level (string), escalated_at (datetime), escalated_by (string), days_waited (integer), next_up (list of maps: id, name, kind)
WITH coalesce($as_of, datetime()) AS asOf,
     split($between, '-') AS pair,
     coalesce($min_days, 3) AS minDays
// instants in UTC to the millisecond, as the state on the issue holds them (graph/model/issue_state.py)
WITH asOf, pair, datetime({epochMillis: asOf.epochMillis}) AS asOfMs,
     datetime({epochMillis: asOf.epochMillis - minDays * 86400000}) AS cutoff
CALL (asOfMs, cutoff, pair) {
  // every step at or before as_of (the usual case): the issue's kept state answers
  MATCH (i:Issue {waiting_action: 'escalated'})
  WHERE i.waiting_since <= cutoff AND i.last_at <= asOfMs
  MATCH (e:Step {id: i.id + '#' + toString(i.waiting_seq)})
  WHERE e.level = pair[0]
  RETURN i, e
  UNION ALL
  // steps after as_of: walk the trail, counting only the steps at or before it
  MATCH (i:Issue) WHERE i.last_at > asOfMs
  MATCH (i)-[:FIRST_STEP]->(:Step)-[:NEXT]->*(e:Step {action: 'escalated', level: pair[0]})
  WHERE e.at.epochMillis <= cutoff.epochMillis
    AND NOT EXISTS {
      MATCH (e)-[:NEXT]->+(later:Step)
      WHERE later.action <> 'supervised' AND later.at.epochMillis <= asOfMs.epochMillis
    }
  RETURN i, e
}
WITH i, e, asOf, pair
WHERE ($category IS NULL OR i.category = $category)
  AND (($district IS NULL AND $street IS NULL AND $community IS NULL) OR EXISTS {
    MATCH (i)-[:LOCATED_IN]->(:Grid|MicroGrid|Community)-[:PART_OF*0..2]->(fc:Community)-[:PART_OF]->(fs:Street)-[:PART_OF]->(fd:District)
    WHERE ($community IS NULL OR fc.id = $community) AND ($street IS NULL OR fs.id = $street)
      AND ($district IS NULL OR fd.id = $district)
  })
WITH i, e, asOf, pair
ORDER BY e.at, i.id
WITH collect({i: i, e: e, asOf: asOf, to: pair[1]}) AS hits
WITH size(hits) AS total, hits[coalesce($offset, 0) .. coalesce($offset, 0) + coalesce($limit, 100)] AS page
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE page END AS h
WITH total, h.i AS i, h.e AS e, h.asOf AS asOf, h.to AS toLevel
OPTIONAL MATCH (i)-[:LOCATED_IN]->(:Grid|MicroGrid|Community)-[:PART_OF*0..2]->(c:Community)
OPTIONAL MATCH (c)-[:PART_OF]->(st:Street)
OPTIONAL MATCH (e)-[:BY]->(by)
RETURN total, i.id AS issue_id, i.title AS title, i.category AS category,
       COLLECT { MATCH (k:IssueCategory {id: i.category}) RETURN k.name AS name }[0] AS category_name, i.status AS status,
       c.id AS community_id, c.name AS community, st.id AS street_id, st.name AS street,
       e.level AS left_level, toLevel AS waiting_level, e.at AS escalated_at, by.name AS escalated_by,
       duration.inSeconds(e.at, asOf).seconds / 86400 AS days_waited,
       COLLECT {
         MATCH (o)-[:SERVES]->(c)
         WHERE toLevel = 'community'
           AND ((o:PartyOrg AND o.kind = 'community_committee')
             OR (o:AdminOrg AND o.kind IN ['residents_committee', 'villagers_committee']))
         RETURN o {.id, .name, .kind} AS org
         UNION
         MATCH (o)-[:SERVES]->(st)
         WHERE toLevel = 'street'
           AND ((o:PartyOrg AND o.kind = 'street_working_committee') OR (o:AdminOrg AND o.kind = 'street_office'))
         RETURN o {.id, .name, .kind} AS org
         UNION
         MATCH (st)-[:PART_OF]->(:District)<-[:PART_OF]-(o:Department)
         WHERE toLevel = 'district' AND i.category IN o.categories
         RETURN o {.id, .name, kind: 'department'} AS org
       } AS next_up
