// name: open311_services
// description: Issue categories as Open311 GeoReport v2 services: the IssueCategory vocabulary
// (id = service_code), with the district departments whose `categories` include each code
// (the API uses the first as the service's group).
// returns: service_code (string), service_name (string), name_en (string), description (string), departments (list of strings)
MATCH (c:IssueCategory)
RETURN c.id AS service_code, c.name AS service_name, c.name_en AS name_en, c.description AS description,
       COLLECT { MATCH (d:Department) WHERE c.id IN d.categories RETURN d.name AS name ORDER BY d.name } AS departments
ORDER BY service_code
