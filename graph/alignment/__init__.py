"""Alignment analytics: each question is a named query in cypher/alignment/."""
