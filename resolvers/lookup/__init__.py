"""Refetching any object by its global id: node(id:) and nodes(ids:)."""
