// name: satisfaction_overall
// description: Overall satisfaction under an area: the share (percent, 2 decimals) of rated solved
// platform problems (channel platform, resolved or closed with a resolved_at, a satisfaction
// rating) rated `satisfied` or better (the article's 满意率), and the residents' ratings of
// organizations (Evaluation IN a community under the area): their number and mean score. With a
// window, problems resolved in [from, to) and ratings dated in `year`.
// param: under: string -- a district, street or community code
// param: from: moment = null -- problems resolved at or after this instant
// param: to: moment = null -- problems resolved before this instant
// param: year: int[2000..2100] = null -- only ratings dated in this year
// param: satisfied: int[1..5] = 4 -- the lowest rating (of 5) that counts as satisfied
// returns: rated (integer), satisfied (integer), satisfaction (float), ratings (integer), ratings_mean (float)
MATCH (a {id: $under})
WHERE a:District OR a:Street OR a:Community
CALL (a) {
  MATCH (c:Community)-[:PART_OF*0..2]->(a)
  MATCH (i:Issue {channel: 'platform'})-[:LOCATED_IN]->(loc)-[:PART_OF*0..2]->(c)
  WHERE (loc:Grid OR loc:MicroGrid OR loc:Community)
    AND i.status IN ['resolved', 'closed'] AND i.resolved_at IS NOT NULL AND i.satisfaction IS NOT NULL
    AND ($from IS NULL OR datetime(i.resolved_at).epochMillis >= $from.epochMillis)
    AND ($to IS NULL OR datetime(i.resolved_at).epochMillis < $to.epochMillis)
  WITH DISTINCT i
  RETURN count(i) AS rated, count(CASE WHEN i.satisfaction >= $satisfied THEN 1 END) AS satisfied
}
CALL (a) {
  MATCH (c:Community)-[:PART_OF*0..2]->(a)
  MATCH (e:Evaluation)-[:IN]->(c)
  WHERE $year IS NULL OR date(e.date).year = $year
  RETURN count(e) AS ratings, avg(e.score) AS mean
}
RETURN rated, satisfied, CASE rated WHEN 0 THEN null ELSE round(100.0 * satisfied / rated, 2) END AS satisfaction,
       ratings, round(mean, 2) AS ratings_mean
