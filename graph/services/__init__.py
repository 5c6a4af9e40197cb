"""The domain services: coverage, pictures, gaps, search, stats, the graph view and the issue loop,
each over the catalogue."""
