// name: server_info
// description: The server's Neo4j version and edition, and the node count of the database.
// returns: version (string), edition (string), nodes (int)
CALL dbms.components() YIELD name, versions, edition
WITH versions[0] AS version, edition
CALL () { MATCH (n) RETURN count(n) AS nodes }
RETURN version, edition, nodes
