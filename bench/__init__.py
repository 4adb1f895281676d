"""Benchmarks that run against a real Neo4j loaded with the synthetic organisation."""
