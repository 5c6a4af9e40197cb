// name: empty_database
// description: Deletes every node and relationship in bounded batches (tests).
// Runs as an auto-commit query because of CALL ... IN TRANSACTIONS.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
