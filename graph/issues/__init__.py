"""The issue loop for coordinators (MODEL.md "Issues and the escalation loop"): trails, stalled and
overdue issues, who is responsible, recording steps, Open311 and the supervision ledger.
The trail rules themselves live in graph/trail.py (pure Python, shared with ingest)."""
