"""The knowledge model in code (docs/model.md): enumerations (enums), field types (types), node types
(nodes), the input file kinds (kinds), the trail rules (trail_rules), display names (vocabulary)."""
