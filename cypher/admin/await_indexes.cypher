// name: await_indexes
// description: Waits until every index is online (after `schema apply`), at most 300 seconds.
CALL db.awaitIndexes(300)
