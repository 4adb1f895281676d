"""Keys made from a history item's content, as `aligngraph push` makes them: importing it again is a no-op.

The same item always gets the same key, whatever database it goes to and whatever id the graph gave it, so a
plan exported with its history and imported again writes no history twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from graph.plans.models import CheckInItem, MeasurementItem, RetrospectiveItem

PREFIX = "plan:"


def _key(kind: str, content: list[Any]) -> str:
    digest = hashlib.sha256(json.dumps([kind, *content], separators=(",", ":")).encode()).hexdigest()
    return PREFIX + digest[:40]


def utc(at: dt.datetime) -> str:
    """A time as UTC ISO-8601 text (a naive one is taken as UTC; validation refuses those)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(dt.UTC).isoformat()


def measurement_key(m: MeasurementItem) -> str:
    return _key("measurement", [m.key_result_id, repr(float(m.value)), utc(m.observed_at), m.source.strip()])


def check_in_key(c: CheckInItem) -> str:
    values = sorted(
        (v.key_result_id, repr(float(v.value)), utc(v.observed_at or c.created_at)) for v in c.values
    )
    content = [c.objective_id, utc(c.created_at), c.author.strip(), c.confidence, c.issues, c.plan.strip()]
    return _key("checkIn", [*content, values])


def check_in_value_key(check_in_key: str, key_result_id: str) -> str:
    """The idempotency key of the measurement a plan's check-in records for one key result."""
    return _key("checkInValue", [check_in_key, key_result_id])


def retrospective_key(r: RetrospectiveItem) -> str:
    lists = [r.attractors, r.detractors, r.learnings, r.surprises, r.changes]
    return _key(
        "retrospective", [r.objective_id, r.team_id, r.cycle_id, r.kind, utc(r.created_at), r.author, lists]
    )
