// name: indexes
// description: The range indexes the catalogue filters by, and the full-text index over names and
// titles with the `cjk` analyzer (Chinese is searched by bigrams). Idempotent: IF NOT EXISTS.

CREATE INDEX issue_status IF NOT EXISTS FOR (n:Issue) ON (n.status);
CREATE INDEX issue_level IF NOT EXISTS FOR (n:Issue) ON (n.level);
CREATE INDEX issue_category IF NOT EXISTS FOR (n:Issue) ON (n.category);
CREATE INDEX issue_last_at IF NOT EXISTS FOR (n:Issue) ON (n.last_at);
CREATE INDEX issue_waiting IF NOT EXISTS FOR (n:Issue) ON (n.waiting_action, n.waiting_since);
CREATE INDEX step_action IF NOT EXISTS FOR (n:Step) ON (n.action);
CREATE INDEX step_at IF NOT EXISTS FOR (n:Step) ON (n.at);
CREATE INDEX step_action_level IF NOT EXISTS FOR (n:Step) ON (n.action, n.level);
CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date);
CREATE INDEX meeting_kind IF NOT EXISTS FOR (n:Meeting) ON (n.kind);
CREATE INDEX funding_year IF NOT EXISTS FOR (n:Funding) ON (n.year);
CREATE INDEX party_org_kind IF NOT EXISTS FOR (n:PartyOrg) ON (n.kind);

CREATE FULLTEXT INDEX name_search IF NOT EXISTS
FOR (n:District|Street|Community|Grid|MicroGrid|Compound|Building|PartyOrg|AdminOrg|Unit|Department|PropertyCompany|OwnersCommittee|PropertyMgmtCommittee|Person|Meeting|Task|Project|Funding|Activity|Issue|Step|Evaluation|Award|PointCategory|PointItem|IssueCategory|Document)
ON EACH [n.name, n.title]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
