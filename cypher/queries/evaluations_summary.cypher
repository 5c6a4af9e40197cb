// name: evaluations_summary
// description: Residents' ratings (两评: Evaluation OF an organization or person, IN a community)
// of the organizations rated in the communities under an area: per rated organization the number
// of ratings, the mean score and the communities it was rated in; ratings dated in `year` when
// given. Lowest mean first (those needing attention at the top).
// param: under: string -- a district, street or community code
// param: year: int[2000..2100] = null -- only ratings dated in this year
// returns: id (string), name (string), label (string), ratings (integer), mean (float), lowest (float), communities (list of strings)
MATCH (a {id: $under})
WHERE a:District OR a:Street OR a:Community
MATCH (c:Community)-[:PART_OF*0..2]->(a)
MATCH (e:Evaluation)-[:IN]->(c)
WHERE $year IS NULL OR date(e.date).year = $year
MATCH (e)-[:OF]->(o)
WITH o, count(e) AS ratings, avg(e.score) AS mean, min(e.score) AS lowest, collect(DISTINCT c.name) AS communities
RETURN o.id AS id, o.name AS name, labels(o)[0] AS label, ratings, round(mean, 2) AS mean, lowest, communities
ORDER BY mean, id
