// name: data_last_date
// description: The last day the data holds anything for: the latest meeting, activity or issue step.
// Questions about "not yet" (quarters not begun, deadlines not reached) default to this day rather
// than to the machine's clock, so a graph of past years is judged at its own end. Null on an empty graph.
// returns: last (date)
CALL () { MATCH (m:Meeting) RETURN max(date(m.date)) AS meeting }
CALL () { MATCH (a:Activity) RETURN max(date(a.date)) AS activity }
CALL () { MATCH (s:Step) WHERE s.at IS NOT NULL RETURN max(s.at) AS step }
WITH [x IN [meeting, activity, date(step)] WHERE x IS NOT NULL] AS days
RETURN CASE WHEN size(days) = 0 THEN null ELSE reduce(m = days[0], x IN days | CASE WHEN x > m THEN x ELSE m END) END AS last
