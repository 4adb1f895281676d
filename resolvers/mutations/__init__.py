"""Mutations, one module per domain. Each mutation is one transaction in graph/."""
