// name: issues_stalled_summary
// description: How many issues are stalled (same definition as issues_stalled) per street, issue
// category and pair of levels, at time as_of. One row per (street, category, between) with at
// least one stalled issue; the API folds the rows into totals by street and by category.
// Times are compared as instants (epochMillis): Neo4j orders equal instants in two zones by zone.
// Answered from the state kept on each issue (graph/model/issue_state.py) for the issues whose
// latest step is at or before as_of; only issues with steps after as_of have their trails walked.
// param: betweens: list<between> = ['grid-community', 'community-street', 'street-district'] -- the level pairs to count
// param: min_days: int[0..3650] = 3 -- threshold in whole 24-hour days
// param: as_of: moment = now -- a date means the end of that day in the project's time zone (GRASSROOTS_TZ)
// param: district: string = null -- only issues in this district (its code)
// param: street: string = null -- only issues in this street (its code)
// param: community: string = null -- only issues in this community (its code)
// param: category: string = null -- only issues of this category (service code)
// returns: street_id (string), street (string), category (string), between (string), stalled (integer)
WITH coalesce($as_of, datetime()) AS asOf,
     coalesce($min_days, 3) AS minDays
// instants in UTC to the millisecond, as the state on the issue holds them (graph/model/issue_state.py)
WITH datetime({epochMillis: asOf.epochMillis}) AS asOfMs,
     datetime({epochMillis: asOf.epochMillis - minDays * 86400000}) AS cutoff
UNWIND coalesce($betweens, ['grid-community', 'community-street', 'street-district']) AS between
CALL (asOfMs, cutoff, between) {
  // every step at or before as_of (the usual case): the issue's kept state answers
  MATCH (i:Issue {waiting_action: 'escalated'})
  WHERE i.waiting_since <= cutoff AND i.last_at <= asOfMs
    AND EXISTS { MATCH (e:Step {id: i.id + '#' + toString(i.waiting_seq)}) WHERE e.level = split(between, '-')[0] }
  RETURN i
  UNION ALL
  // steps after as_of: walk the trail, counting only the steps at or before it
  MATCH (i:Issue) WHERE i.last_at > asOfMs
  MATCH (i)-[:FIRST_STEP]->(:Step)-[:NEXT]->*(e:Step {action: 'escalated', level: split(between, '-')[0]})
  WHERE e.at.epochMillis <= cutoff.epochMillis
    AND NOT EXISTS {
      MATCH (e)-[:NEXT]->+(later:Step)
      WHERE later.action <> 'supervised' AND later.at.epochMillis <= asOfMs.epochMillis
    }
  RETURN i
}
WITH i, between
WHERE ($category IS NULL OR i.category = $category)
  AND (($district IS NULL AND $street IS NULL AND $community IS NULL) OR EXISTS {
    MATCH (i)-[:LOCATED_IN]->(:Grid|MicroGrid|Community)-[:PART_OF*0..2]->(fc:Community)-[:PART_OF]->(fs:Street)-[:PART_OF]->(fd:District)
    WHERE ($community IS NULL OR fc.id = $community) AND ($street IS NULL OR fs.id = $street)
      AND ($district IS NULL OR fd.id = $district)
  })
OPTIONAL MATCH (i)-[:LOCATED_IN]->(:Grid|MicroGrid|Community)-[:PART_OF*0..2]->(:Community)-[:PART_OF]->(st:Street)
RETURN st.id AS street_id, st.name AS street, i.category AS category, between, count(DISTINCT i) AS stalled
ORDER BY street_id, category, between
