"""Neo4j access, Cypher loading, repositories and domain rules. No web framework here."""
