"""The `aligngraph` command line (entry point: api.cli.main:app)."""
