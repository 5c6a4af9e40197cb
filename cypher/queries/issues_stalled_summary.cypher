// name: issues_stalled_summary
// description: How many issues are stalled (same definition as issues_stalled) per street, issue
// category and pair of levels, at time as_of. One row per (street, category, between) with at
// least one stalled issue; the API folds the rows into totals by street and by category.
// param: betweens: list of strings = ['grid-community', 'community-street', 'street-district'] -- the level pairs to count
// param: min_days: integer = 3 -- threshold in whole 24-hour days
// param: as_of: datetime|date|string = now -- a date means the end of that day, 23:59:59 UTC
// returns: street_id (string), street (string), category (string), between (string), stalled (integer)
WITH CASE
       WHEN $as_of IS NULL THEN datetime()
       WHEN size(toString($as_of)) = 10 THEN datetime({date: date($as_of), time: time('23:59:59Z')})
       ELSE datetime($as_of)
     END AS asOf,
     coalesce($min_days, 3) AS minDays
UNWIND coalesce($betweens, ['grid-community', 'community-street', 'street-district']) AS between
MATCH (e:Step {action: 'escalated', level: split(between, '-')[0]})
WHERE datetime(e.at) <= asOf - duration({seconds: minDays * 86400})
  AND NOT EXISTS {
    MATCH (e)-[:NEXT]->+(later:Step)
    WHERE later.action <> 'supervised' AND datetime(later.at) <= asOf
  }
MATCH (e)<-[:NEXT]-*(:Step)<-[:FIRST_STEP]-(i:Issue)
OPTIONAL MATCH (i)-[:LOCATED_IN]->(:Grid|MicroGrid|Community)-[:PART_OF*0..2]->(:Community)-[:PART_OF]->(st:Street)
RETURN st.id AS street_id, st.name AS street, i.category AS category, between, count(DISTINCT i) AS stalled
ORDER BY street_id, category, between
