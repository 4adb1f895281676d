"""Key results' histories: their measurements, read newest observed first, many KRs in one query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from graph.core.db import Database
from graph.core.errors import ValidationError
from graph.core.history import values_on
from graph.core.paging import Page, by_id, cut, group


def check_window(since: dt.datetime | None, until: dt.datetime | None) -> None:
    """VALIDATION for a bound the database can't take: one that can't be converted to UTC
    (0001-01-01T00:00:00+01:00, 9999-12-31T23:59:59-01:00), which the driver must do to send it."""
    for field, bound in (("from", since), ("to", until)):
        if bound is None:
            continue
        try:
            bound.astimezone(dt.UTC)
        except OverflowError:
            shown = bound.isoformat()
            message = f"{field} {shown} is out of range once converted to UTC"
            raise ValidationError(message, field=field, value=shown) from None


@dataclass(frozen=True)
class Measurement:
    id: str
    value: float
    observed_at: dt.datetime
    received_at: dt.datetime
    source: str
    idempotency_key: str | None

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> Measurement:
        return cls(
            id=m["id"],
            value=float(m["value"]),
            observed_at=m["observedAt"].to_native(),
            received_at=m["receivedAt"].to_native(),
            source=m["source"],
            idempotency_key=m.get("idempotencyKey"),
        )


async def histories(
    db: Database,
    ids: list[str],
    *,
    since: dt.datetime | None,
    until: dt.datetime | None,
    after: tuple[dt.datetime, str] | None,
    first: int,
) -> list[Page[Measurement]]:
    """One page of each KR's measurements (the same window for all), newest observed first, in order of `ids`."""
    rows = await db.read(
        "measurements/read_histories",
        ids=ids,
        since=since,
        until=until,
        afterObservedAt=after[0] if after else None,
        afterId=after[1] if after else None,
        first=first,
    )
    return [cut(items, first) for items in group(rows, ids, column="measurement", build=Measurement.from_row)]


async def count_histories(
    db: Database, ids: list[str], *, since: dt.datetime | None, until: dt.datetime | None
) -> list[int]:
    """How many measurements each KR has observed in [since, until), in order of `ids`."""
    rows = await db.read("measurements/count_histories", ids=ids, since=since, until=until)
    totals = {row["key"]: int(row["total"]) for row in rows}
    return [totals.get(id, 0) for id in ids]


async def key_results_on(
    db: Database, keys: list[tuple[str, dt.date]]
) -> list[tuple[float | None, float | None]]:
    """Each (KR id, day)'s value and progress then, from its history (stored values today), in order of `keys`."""
    rows = await db.read(
        "measurements/values_on", keys=[{"id": id, "day": values_on(day)} for id, day in keys]
    )
    found = {row["index"]: (row["value"], row["progress"]) for row in rows}
    return [found.get(index, (None, None)) for index in range(len(keys))]


async def get_measurements(db: Database, ids: list[str]) -> list[Measurement | None]:
    """Return the measurements with these ids, None where missing (or of another organisation), in order."""
    rows = await db.read("measurements/get_measurements", ids=ids)
    return by_id(rows, ids, column="measurement", build=Measurement.from_row)
