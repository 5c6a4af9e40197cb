// name: issue_notes
// description: For some issues, what a supervision ledger prints beside each: when it was reported,
// the latest progress note (the newest step at or before as_of, other than a supervision reminder,
// that carries a note) and the latest supervision note (the newest `supervised` step at or before
// as_of with a note). Issues without steps or notes give nulls; unknown ids give no row.
// Times are compared as instants (epochMillis): Neo4j orders equal instants in two zones by zone.
// param: ids: list<string> -- issue ids
// param: as_of: moment = now -- steps after it are ignored
// returns: issue_id (string), reported_at (datetime), progress_note (string), progress_at (datetime), supervision_note (string), supervision_at (datetime)
WITH coalesce($as_of, datetime()) AS asOf
UNWIND $ids AS id
MATCH (i:Issue {id: id})
CALL (i, asOf) {
  OPTIONAL MATCH (i)-[:FIRST_STEP]->(:Step)-[:NEXT]->*(s:Step)
  WHERE s.action <> 'supervised' AND s.note IS NOT NULL AND datetime(s.at).epochMillis <= asOf.epochMillis
  RETURN s ORDER BY s.seq DESC LIMIT 1
}
CALL (i, asOf) {
  OPTIONAL MATCH (i)-[:FIRST_STEP]->(:Step)-[:NEXT]->*(v:Step {action: 'supervised'})
  WHERE v.note IS NOT NULL AND datetime(v.at).epochMillis <= asOf.epochMillis
  RETURN v ORDER BY v.seq DESC LIMIT 1
}
RETURN i.id AS issue_id, i.reported_at AS reported_at, s.note AS progress_note, s.at AS progress_at,
       v.note AS supervision_note, v.at AS supervision_at
