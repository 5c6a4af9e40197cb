// name: unit_scorecard
// description: The yearly performance review of co-building units (共建单位年度考评), one row per
// unit: for each community it is paired with (pairings begun after the year left out) the funding
// it gave that community in the year against the pairing's minimum (its min_annual_funding, else
// the 30,000-yuan rule); its funding in the year in all; the projects it supports (SUPPORTS) and
// those it funded in the year (Funding FOR Project); the volunteer activities it organized in the
// year and their person-times (JOINED); the joint meetings it was invited to (held that year FOR a
// community it is paired with: it sits on that big party committee) and those it attended
// (ATTENDED, any joint meeting of the year); the tasks assigned to it (ASSIGNED_TO) that fell due
// in the year: done on or before the deadline (on time), done after it (late), past the deadline
// and not done by `as_of_day` (overdue) or not yet due (open); residents' ratings of it dated in
// the year (count and mean score); the awards it received that year. Units are those paired with a
// community of `street` when given, or the one `unit`. By unit id.
// param: year: int[2000..2100] -- the calendar year reviewed
// param: as_of_day: date -- the day tasks are judged on (the year's last day, or today when earlier)
// param: unit: string = null -- only this unit (its id)
// param: street: string = null -- only units paired with a community of this street (its code)
// param: minimum: int[0..] = 30000 -- yuan a year, for pairings that name no min_annual_funding
// returns: unit_id (string), unit_name (string), kind (string), level (string), pairings (list of maps: community_id, community, street_id, street, amount, minimum, met), funding_total (integer), projects_supported (integer), projects_funded (integer), project_names (list of strings), activities (integer), person_times (integer), meetings_invited (integer), meetings_attended (integer), meetings_attended_invited (integer), tasks_assigned (integer), tasks_on_time (integer), tasks_late (integer), tasks_overdue (integer), tasks_open (integer), ratings (integer), rating_mean (float), awards (list of strings)
MATCH (u:Unit)
WHERE ($unit IS NULL OR u.id = $unit)
  AND ($street IS NULL OR EXISTS { (u)-[:PAIRED_WITH]->(:Community)-[:PART_OF]->(:Street {id: $street}) })
CALL (u) {
  MATCH (u)-[r:PAIRED_WITH]->(c:Community)
  WHERE r.since IS NULL OR date(r.since).year <= $year
  OPTIONAL MATCH (c)-[:PART_OF]->(st:Street)
  WITH c, st, coalesce(r.min_annual_funding, $minimum) AS minimum,
       COLLECT { MATCH (u)-[:GAVE]->(f:Funding {year: $year})-[:TO]->(c) RETURN f.amount } AS amounts
  WITH c, st, minimum, reduce(total = 0, a IN amounts | total + a) AS amount
  ORDER BY c.id
  RETURN collect({community_id: c.id, community: c.name, street_id: st.id, street: st.name,
                  amount: amount, minimum: minimum, met: amount >= minimum}) AS pairings
}
CALL (u) {
  MATCH (u)-[:ORGANIZED]->(a:Activity)
  WHERE date(a.date).year = $year
  RETURN count(a) AS activities, sum(COUNT { (:Person)-[:JOINED]->(a) }) AS person_times
}
CALL (u) {
  OPTIONAL MATCH (t:Task)-[:ASSIGNED_TO]->(u)
  WHERE date(t.due).year = $year
  WITH t,
       CASE WHEN t IS NULL THEN null
            WHEN t.done_at IS NOT NULL AND date(t.done_at) <= $as_of_day AND date(t.done_at) <= date(t.due) THEN 'on_time'
            WHEN t.done_at IS NOT NULL AND date(t.done_at) <= $as_of_day THEN 'late'
            WHEN t.done_at IS NULL AND t.status = 'done' THEN 'on_time'
            WHEN date(t.due) < $as_of_day THEN 'overdue'
            ELSE 'open' END AS s
  RETURN count(t) AS tasks_assigned, count(CASE s WHEN 'on_time' THEN 1 END) AS tasks_on_time,
         count(CASE s WHEN 'late' THEN 1 END) AS tasks_late, count(CASE s WHEN 'overdue' THEN 1 END) AS tasks_overdue,
         count(CASE s WHEN 'open' THEN 1 END) AS tasks_open
}
WITH u, pairings, activities, person_times, tasks_assigned, tasks_on_time, tasks_late, tasks_overdue, tasks_open,
     COLLECT { MATCH (u)-[:PAIRED_WITH]->(:Community)<-[:FOR]-(m:Meeting {kind: 'joint_meeting'})
               WHERE date(m.date).year = $year RETURN DISTINCT m.id AS id } AS invited,
     COLLECT { MATCH (u)-[:ATTENDED]->(m:Meeting {kind: 'joint_meeting'})
               WHERE date(m.date).year = $year RETURN DISTINCT m.id AS id } AS attended,
     COLLECT { MATCH (e:Evaluation)-[:OF]->(u) WHERE date(e.date).year = $year RETURN e.score AS s } AS scores
RETURN u.id AS unit_id, u.name AS unit_name, u.kind AS kind, u.level AS level, pairings,
       reduce(total = 0, a IN COLLECT { MATCH (u)-[:GAVE]->(f:Funding {year: $year}) RETURN f.amount AS a } | total + a)
         AS funding_total,
       COUNT { (u)-[:SUPPORTS]->(:Project) } AS projects_supported,
       size(COLLECT { MATCH (u)-[:GAVE]->(:Funding {year: $year})-[:FOR]->(p:Project) RETURN DISTINCT p.id AS id })
         AS projects_funded,
       COLLECT { MATCH (u)-[:SUPPORTS]->(p:Project) RETURN p.name AS n ORDER BY n } AS project_names,
       activities, person_times,
       size(invited) AS meetings_invited, size(attended) AS meetings_attended,
       size([m IN attended WHERE m IN invited]) AS meetings_attended_invited,
       tasks_assigned, tasks_on_time, tasks_late, tasks_overdue, tasks_open,
       size(scores) AS ratings,
       CASE size(scores) WHEN 0 THEN null ELSE round(reduce(t = 0.0, s IN scores | t + s) / size(scores), 2) END AS rating_mean,
       COLLECT { MATCH (u)-[:RECEIVED]->(w:Award {year: $year}) RETURN w.title AS t ORDER BY t } AS awards
ORDER BY unit_id
