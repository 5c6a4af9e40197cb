// name: writes/units_found
// description: Which of the given ids are co-building units (Unit), one indexed match each.
// param: ids: list<string> -- the ids to look up
// returns: found (list of strings)
RETURN COLLECT { MATCH (u:Unit) WHERE u.id IN $ids RETURN u.id AS id } AS found
