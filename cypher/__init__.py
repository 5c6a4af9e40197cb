"""The Cypher statements as package data (import name grassroots_cypher; see graph/core/resources.py)."""
