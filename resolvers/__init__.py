"""Strawberry types, queries and mutations. Thin: they validate shapes and call graph/."""
