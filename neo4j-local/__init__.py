"""The local Neo4j Maven module as package data (import name grassroots_neo4j_local; see graph/core/resources.py)."""
