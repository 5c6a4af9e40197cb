"""The issue loop for coordinators (docs/model.md, "Definitions the API follows"): trails, stalled and
overdue issues, who is responsible, recording steps, Open311 and the supervision ledger.
The trail rules themselves live in graph/model/trail_rules.py (pure Python, shared with ingest)."""
