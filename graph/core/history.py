"""As of a day, from history: which day's values a question reads.

A key result's value on a past day is its latest measurement observed by then, or its planned current when it
was never measured (cypher/fragments/value_on.cypher);
today, and any later day, it is the stored current, which the push path keeps equal to the latest measurement.
So a question for today answers exactly as before, and one for a past day no longer moves when newer values
arrive. Every query that reads values as of a day takes `$valuesOn`: the day, or null for the stored values.
"""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    """Today in UTC, the day every `asOf` defaults to."""
    return dt.datetime.now(dt.UTC).date()


def values_on(as_of: dt.date | None) -> dt.date | None:
    """Return the day to read values on: `as_of` when it is in the past, else None (the stored values)."""
    return as_of if as_of is not None and as_of < today() else None
