"""FastAPI app factory, settings, the GraphQL router and the CLI."""
