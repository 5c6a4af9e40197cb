"""Ingest: turn source files and feeds into graph records."""
