"""GraphQL fields for the alignment questions."""
