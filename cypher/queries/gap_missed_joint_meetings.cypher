// name: gap_missed_joint_meetings
// description: Big party committees with a quarter in which no joint meeting was held (the rule:
// at least one a quarter); a joint meeting counts when it is HELD_BY the committee or FOR its
// community. The quarters are those of `year`, or from_quarter to to_quarter ('2024-Q1'); with neither, the
// latest year with any joint meeting. Quarters that have not begun by `as_of` are left out (the API
// defaults it to the data's last day, query data_last_date). One row per committee and missed
// quarter, by community id and quarter.
// param: year: int[2000..2100] = null -- a calendar year (its four quarters)
// param: from_quarter: string = null -- first quarter, 'YYYY-Qn' (used instead of year when given)
// param: to_quarter: string = null -- last quarter, 'YYYY-Qn' (default: the same as from_quarter's year's Q4)
// param: as_of: date = null -- the day "not begun yet" is judged at (null: today)
// param: community: string = null -- only this community (its code)
// param: offset: int = 0 -- rows to skip
// param: limit: int = 100 -- rows to return
// returns: committee_id (string), committee_name (string), community_id (string), community_name (string), quarter (string: 'YYYY-Qn'), meetings_in_range (int: joint meetings it held in the whole range)
CALL () {
  MATCH (m:Meeting {kind: 'joint_meeting'})
  RETURN max(date(m.date).year) AS latest
}
WITH coalesce($as_of, date()) AS asOf, latest
WITH asOf, coalesce($year, latest, asOf.year) AS y
WITH asOf.year * 4 + (asOf.month - 1) / 3 AS now_q,
     CASE WHEN $from_quarter IS NULL THEN y * 4
          ELSE toInteger(left($from_quarter, 4)) * 4 + toInteger(right($from_quarter, 1)) - 1 END AS q0,
     CASE WHEN $to_quarter IS NOT NULL
            THEN toInteger(left($to_quarter, 4)) * 4 + toInteger(right($to_quarter, 1)) - 1
          WHEN $from_quarter IS NOT NULL THEN toInteger(left($from_quarter, 4)) * 4 + 3
          ELSE y * 4 + 3 END AS q1
MATCH (bpc:PartyOrg {kind: 'big_party_committee'})
OPTIONAL MATCH (bpc)-[:SERVES]->(c:Community)
WITH bpc, c, q0, q1, now_q
WHERE $community IS NULL OR c.id = $community
WITH bpc, c, q0, q1, now_q,
     COLLECT {
       MATCH (m:Meeting {kind: 'joint_meeting'})-[:HELD_BY]->(bpc) RETURN m
       UNION
       MATCH (m:Meeting {kind: 'joint_meeting'})-[:FOR]->(c) RETURN m
     } AS meetings
WITH bpc, c, q0, q1, now_q,
     [m IN meetings | date(m.date).year * 4 + (date(m.date).month - 1) / 3] AS held
WITH bpc, c, held, [q IN held WHERE q0 <= q <= q1] AS held_in_range,
     [q IN range(q0, q1) WHERE q <= now_q AND NOT q IN held] AS missed
UNWIND missed AS q
RETURN bpc.id AS committee_id, bpc.name AS committee_name, c.id AS community_id, c.name AS community_name,
       toString(q / 4) + '-Q' + toString(q % 4 + 1) AS quarter, size(held_in_range) AS meetings_in_range
ORDER BY community_id, committee_id, quarter
SKIP $offset LIMIT $limit
