"""Network analyses of an area's co-building network (docs/analytics.md): the network read once
from Neo4j into networkx (`projection`), the analyses on it (`analyses`)."""
