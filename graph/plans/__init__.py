"""Plan files: a whole organisation's OKRs as YAML or CSV sheets, imported as a diff, exported, reviewed."""
