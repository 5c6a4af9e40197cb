// name: issues_stalled_summary
// description: How many issues are stalled (same definition as issues_stalled) per street, issue
// category and pair of levels, at time as_of. One row per (street, category, between) with at
// least one stalled issue; the API folds the rows into totals by street and by category.
// Times are compared as instants (epochMillis): Neo4j orders equal instants in two zones by zone.
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
UNWIND coalesce($betweens, ['grid-community', 'community-street', 'street-district']) AS between
MATCH (e:Step {action: 'escalated', level: split(between, '-')[0]})
WHERE datetime(e.at).epochMillis <= asOf.epochMillis - minDays * 86400000
  AND NOT EXISTS {
    MATCH (e)-[:NEXT]->+(later:Step)
    WHERE later.action <> 'supervised' AND datetime(later.at).epochMillis <= asOf.epochMillis
  }
MATCH (e)<-[:NEXT]-*(:Step)<-[:FIRST_STEP]-(i:Issue)
WHERE ($category IS NULL OR i.category = $category)
  AND (($district IS NULL AND $street IS NULL AND $community IS NULL) OR EXISTS {
    MATCH (i)-[:LOCATED_IN]->(:Grid|MicroGrid|Community)-[:PART_OF*0..2]->(fc:Community)-[:PART_OF]->(fs:Street)-[:PART_OF]->(fd:District)
    WHERE ($community IS NULL OR fc.id = $community) AND ($street IS NULL OR fs.id = $street)
      AND ($district IS NULL OR fd.id = $district)
  })
OPTIONAL MATCH (i)-[:LOCATED_IN]->(:Grid|MicroGrid|Community)-[:PART_OF*0..2]->(:Community)-[:PART_OF]->(st:Street)
RETURN st.id AS street_id, st.name AS street, i.category AS category, between, count(DISTINCT i) AS stalled
ORDER BY street_id, category, between
