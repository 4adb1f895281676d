"""GraphQL for plan files: importPlan and exportPlan."""
