// name: search_names
// description: Full-text search over the names and titles of every node (the `name_search` index,
// `cjk` analyzer: Chinese is matched by character pairs, so 天马 finds 天马社区), optionally of
// one label. Best matches first. `query` is Lucene syntax: the API builds it from the words typed
// (each word a phrase; a single character as a prefix or suffix wildcard).
// param: query: string -- a Lucene query, e.g. "天马" or 天*
// param: label: label = null -- keep only nodes with this label (e.g. Community)
// param: offset: int = 0 -- rows to skip
// param: limit: int = 20 -- rows to return
// returns: id (string), name (string), labels (list<string>), score (float)
CALL db.index.fulltext.queryNodes('name_search', $query) YIELD node, score
WHERE $label IS NULL OR $label IN labels(node)
RETURN node.id AS id, coalesce(node.name, node.title) AS name, labels(node) AS labels, score
ORDER BY score DESC, id
SKIP $offset LIMIT $limit
