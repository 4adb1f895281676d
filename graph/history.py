"""A key result's history: its measurements, read newest observed first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from graph.db import Database
from graph.paging import Page, to_page


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


async def history(
    db: Database,
    key_result_id: str,
    *,
    since: dt.datetime | None,
    until: dt.datetime | None,
    after: tuple[dt.datetime, str] | None,
    first: int,
) -> Page[Measurement]:
    """Return one page of a KR's measurements, newest observed first, and whether more follow."""
    rows = await db.read(
        "measurements/read_history",
        keyResultId=key_result_id,
        since=since,
        until=until,
        afterObservedAt=after[0] if after else None,
        afterId=after[1] if after else None,
        first=first,
    )
    return to_page(rows, column="measurement", first=first, build=Measurement.from_row)


async def count_history(
    db: Database, key_result_id: str, *, since: dt.datetime | None, until: dt.datetime | None
) -> int:
    rows = await db.read(
        "measurements/count_measurements", keyResultId=key_result_id, since=since, until=until
    )
    return int(rows[0]["total"])
