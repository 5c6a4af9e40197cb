"""The FastAPI app: thin routers per domain over graph/ and ingest/."""
