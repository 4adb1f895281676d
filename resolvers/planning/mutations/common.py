"""Helpers shared by mutations: deleted-id payloads and partial updates."""

from __future__ import annotations

from typing import Any

import strawberry


@strawberry.type(description="What a delete removed.")
class Deleted:
    id: strawberry.ID = strawberry.field(description="The id of the node that was deleted.")


def provided(values: dict[str, Any]) -> dict[str, Any]:
    """Keep only the fields the client sent (omitted fields are UNSET; null clears a field)."""
    return {key: value for key, value in values.items() if value is not strawberry.UNSET}
