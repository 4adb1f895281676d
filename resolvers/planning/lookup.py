"""keyResultsByExternalKey: a push integration finds its key results by the keys it pushes values under."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.integrations import external_keys
from resolvers.core.context import Info
from resolvers.planning.okrs import KeyResult

Keys = Annotated[
    list[str],
    strawberry.argument(
        description=f"1 to {external_keys.MAX_KEYS} externalKeys (each 1-200 characters without spaces)."
    ),
]


@strawberry.type
class KeyResultLookupQueries:
    @strawberry.field(
        description="The key result each externalKey names, in the order of keys; null where none of your "
        "organisation's key results has it. Empty, over-long or too many keys are VALIDATION (field keys or keys[i])."
    )
    async def key_results_by_external_key(self, info: Info, keys: Keys) -> list[KeyResult | None]:
        found = await external_keys.key_results_by_external_key(info.context.db, keys)
        return [None if kr is None else KeyResult.of(kr) for kr in found]
