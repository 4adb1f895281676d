"""Key results by the externalKey an integration pushes values under (`keyResultsByExternalKey`)."""

from __future__ import annotations

from graph.core.db import Database
from graph.core.errors import ValidationError
from graph.core.models import KeyResult
from graph.planning import rules

#: The most keys one lookup takes: a push of 10,000 values rarely names more than a few hundred key results.
MAX_KEYS = 1000


def checked_keys(keys: list[str]) -> list[str]:
    """The keys of a lookup, each as `externalKey` accepts it; VALIDATION naming `keys` or `keys[i]`."""
    if not 1 <= len(keys) <= MAX_KEYS:
        raise ValidationError(
            f"keys holds {len(keys)} externalKeys; give 1 to {MAX_KEYS}", field="keys", value=len(keys)
        )
    for index, key in enumerate(keys):
        rules.external_key(f"keys[{index}]", key)
    return keys


async def key_results_by_external_key(db: Database, keys: list[str]) -> list[KeyResult | None]:
    """The key result each key names, in the order of `keys`; None where it names none of the caller's."""
    wanted = checked_keys(keys)
    rows = await db.read("keyresults/key_results_by_external_key", keys=list(dict.fromkeys(wanted)))
    found = {row["externalKey"]: KeyResult.from_row(row["keyResult"]) for row in rows}
    return [found.get(key) for key in wanted]
