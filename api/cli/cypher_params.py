"""`aligngraph cypher run`'s parameters, checked as the API checks its arguments: the type the file's example
has, counts that make sense (first=-1, depth=abc are refused naming the parameter), and ids that name
something (an unknown cycleId is NOT_FOUND instead of silently giving 0 rows)."""

from __future__ import annotations

import datetime
from typing import Any

import neo4j.time

from graph.alignment.tree import MAX_DEPTH
from graph.core.db import Database
from graph.core.errors import NotFoundError, ValidationError

Row = dict[str, Any]

# Counts: at least 1 (as the API's first and depth), and the most the API allows where it has a limit.
COUNTS = {"first": None, "limit": None, "depth": MAX_DEPTH}
# The node an id parameter names, by the parameter's name; other `...Id` parameters may name any node.
ID_LABELS = {
    "cycleId": "Cycle",
    "toCycleId": "Cycle",
    "unitId": "Team",
    "teamId": "Team",
    "ownerId": "Team",
    "objectiveId": "Objective",
    "keyResultId": "KeyResult",
    "priorityId": "Priority",
    "organisationId": "Organisation",
    "initiativeId": "Initiative",
}


def _typed(key: str, example: Any, value: Any) -> Any:
    """`value` as the type of the file's documented example, or a ValidationError naming the parameter."""
    if value is None or example is None:
        return value
    if isinstance(example, neo4j.time.DateTime | datetime.datetime):
        try:
            moment = datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError(
                f"parameter {key!r} takes an ISO date-time such as 2026-02-15T09:00:00Z, not {value!r}",
                field=key,
                value=value,
            ) from None
        return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
    if isinstance(example, neo4j.time.Date | datetime.date):
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            raise ValidationError(
                f"parameter {key!r} takes an ISO date such as 2026-02-15, not {value!r}",
                field=key,
                value=value,
            ) from None
    if isinstance(example, bool):
        if not isinstance(value, bool):
            raise ValidationError(
                f"parameter {key!r} takes true or false, not {value!r}", field=key, value=value
            )
        return value
    if isinstance(example, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(
                f"parameter {key!r} takes an integer, not {value!r}", field=key, value=value
            )
        return value
    if isinstance(example, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError(f"parameter {key!r} takes a number, not {value!r}", field=key, value=value)
        return float(value)
    if isinstance(example, str):
        if isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)  # cycleId=2026 parses as the JSON number 2026; the parameter is text
        raise ValidationError(f"parameter {key!r} takes text, not {value!r}", field=key, value=value)
    if isinstance(example, list) and not isinstance(value, list):
        raise ValidationError(
            f"parameter {key!r} takes a JSON list such as '[\"a\"]', not {value!r}", field=key, value=value
        )
    return value


def _counted(key: str, value: Any) -> None:
    if key not in COUNTS or not isinstance(value, int):
        return
    most = COUNTS[key]
    if value < 1 or (most is not None and value > most):
        limit = f"between 1 and {most}" if most is not None else "at least 1"
        raise ValidationError(f"{key} must be {limit}, got {value}", field=key, value=value)


def check_values(defaults: Row, overrides: Row) -> Row:
    """The parameters to run with: the defaults with each override checked and converted."""
    params = dict(defaults)
    for key, value in overrides.items():
        params[key] = _typed(key, defaults.get(key), value)
        _counted(key, params[key])
    return params


def _id_params(params: Row) -> dict[str, str]:
    return {
        key: value
        for key, value in params.items()
        if key.endswith("Id") and not key.startswith("after") and isinstance(value, str)
    }


async def check_ids(db: Database, params: Row) -> None:
    """Raise NOT_FOUND for the first id parameter that names no node (of the kind its name says)."""
    wanted = _id_params(params)
    if not wanted:
        return
    rows = await db.read("lookup/nodes_by_id", ids=sorted(set(wanted.values())))
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["id"], set()).update(row["labels"])
    for key, value in wanted.items():
        label = ID_LABELS.get(key)
        labels = found.get(value, set())
        if not labels or (label is not None and label not in labels):
            kind = label.lower() if label else "node"
            raise NotFoundError(f"No {kind} with id {value!r} ({key})", field=key, value=value)
