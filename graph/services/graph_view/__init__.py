"""Pictures of the graph as nodes/links JSON for any front end (docs/graph-json.md)."""
