"""Local Neo4j 5.26 community runtime, started from Maven Central artifacts (no Docker)."""
