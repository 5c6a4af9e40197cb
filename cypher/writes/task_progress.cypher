// name: writes/task_progress
// description: Records progress on a task (run after task_lock in the same transaction): the latest
// note and its time, and when `done`, the task done on `done_at` (a date).
// param: task_id: string -- the task's id
// param: note: string = null -- the progress note (phones in it already sealed)
// param: at: datetime -- when the progress was recorded
// param: done_at: date = null -- the day it was done, when it is
// param: now: datetime -- updated_at
// returns: task_id (string), status (string), done_at (date)
MATCH (t:Task {id: $task_id})
SET t.progress_note = coalesce($note, t.progress_note), t.progress_at = $at, t.updated_at = $now,
    t.done_at = coalesce($done_at, t.done_at),
    t.status = CASE WHEN $done_at IS NOT NULL THEN 'done' ELSE t.status END
RETURN t.id AS task_id, t.status AS status, t.done_at AS done_at
