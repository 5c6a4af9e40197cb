// name: tasks_at
// description: The tasks of meetings' task lists as they stood on a day (the as_of day in the
// project's time zone): only tasks of meetings held on or before that day; a task is `done` when it
// was done on or before that day (done_at; a task recorded done without a date counts as done),
// `overdue` when its deadline is before that day and it was not done by then, `open` otherwise.
// So a past day gives the same answer whatever happened later. Narrowed by the meeting's community,
// street or district, the responsible organization (ASSIGNED_TO) and the status at that day. Most
// overdue first, then by deadline. A page past the end gives one row holding only `total`.
// param: as_of_day: date -- the day statuses are judged on (a date in the project's time zone)
// param: status: task_status = null -- 'open', 'overdue' or 'done' at that day; null means all
// param: community: string = null -- only tasks of this community's meetings (its code)
// param: street: string = null -- only tasks of this street's communities (its code)
// param: district: string = null -- only tasks of this district's communities (its code)
// param: unit: string = null -- only tasks assigned to this organization (its id)
// param: offset: integer = 0 -- rows to skip
// param: limit: integer = 100 -- rows to return
// returns: total (integer), task_id (string), title (string), what (string), due (date), done_at (date), status (string: at the day), days_overdue (integer), meeting_id (string), meeting (string), meeting_date (date), meeting_kind (string), community_id (string), community (string), street_id (string), street (string), assignee (map: id, name, label), issue_ids (list of strings), progress_note (string), progress_at (datetime), project_id (string)
MATCH (m:Meeting)-[:PRODUCED]->(t:Task)
WHERE date(m.date) <= $as_of_day
OPTIONAL MATCH (m)-[:FOR]->(c:Community)
OPTIONAL MATCH (c)-[:PART_OF]->(st:Street)
OPTIONAL MATCH (st)-[:PART_OF]->(d:District)
WITH m, t, c, st, d
WHERE ($community IS NULL OR c.id = $community) AND ($street IS NULL OR st.id = $street)
  AND ($district IS NULL OR d.id = $district)
OPTIONAL MATCH (t)-[:ASSIGNED_TO]->(a)
WITH m, t, c, st, a
WHERE $unit IS NULL OR a.id = $unit
WITH m, t, c, st, a,
     CASE WHEN t.done_at IS NOT NULL AND date(t.done_at) <= $as_of_day THEN 'done'
          WHEN t.done_at IS NULL AND t.status = 'done' THEN 'done'
          WHEN date(t.due) < $as_of_day THEN 'overdue'
          ELSE 'open' END AS s
WHERE $status IS NULL OR s = $status
WITH m, t, c, st, a, s
ORDER BY CASE s WHEN 'overdue' THEN 0 WHEN 'open' THEN 1 ELSE 2 END, date(t.due), t.id
WITH collect({m: m, t: t, c: c, st: st, a: a, s: s}) AS hits
WITH size(hits) AS total, hits[coalesce($offset, 0) .. coalesce($offset, 0) + coalesce($limit, 100)] AS page
UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE page END AS h
WITH total, h.m AS m, h.t AS t, h.c AS c, h.st AS st, h.a AS a, h.s AS s
RETURN total, t.id AS task_id, t.title AS title, t.what AS what, t.due AS due,
       CASE WHEN s = 'done' THEN t.done_at ELSE null END AS done_at, s AS status,
       CASE WHEN s = 'overdue' THEN duration.inDays(date(t.due), $as_of_day).days ELSE null END AS days_overdue,
       m.id AS meeting_id, m.name AS meeting, m.date AS meeting_date, m.kind AS meeting_kind,
       c.id AS community_id, c.name AS community, st.id AS street_id, st.name AS street,
       CASE WHEN a IS NULL THEN null ELSE {id: a.id, name: a.name, label: labels(a)[0]} END AS assignee,
       COLLECT { MATCH (t)-[:ADDRESSES]->(i:Issue) RETURN i.id ORDER BY i.id } AS issue_ids,
       t.progress_note AS progress_note, t.progress_at AS progress_at, t.project_id AS project_id
