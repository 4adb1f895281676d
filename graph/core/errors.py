"""Domain errors with stable codes that the API shows to users as they are."""

from __future__ import annotations

import re
from typing import Any

from neo4j.exceptions import ConstraintError


class DomainError(Exception):
    """An error the caller can act on: a stable code, the field and the value at fault."""

    code = "VALIDATION"

    def __init__(self, message: str, *, field: str | None = None, value: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.value = value


class ValidationError(DomainError):
    code = "VALIDATION"


class NotFoundError(DomainError):
    code = "NOT_FOUND"


class ConflictError(DomainError):
    code = "CONFLICT"


class UnavailableError(DomainError):
    code = "UNAVAILABLE"


def not_found(kind: str, field: str, value: str) -> NotFoundError:
    """Build the error for an id that names nothing."""
    return NotFoundError(f"No {kind} with id {value!r} ({field})", field=field, value=value)


# Neo4j's text for a unique constraint: "Node(101) already exists with label `Initiative` and property `id` = '0'".
_TAKEN = re.compile(r"label `(?P<label>[^`]+)` and property `(?P<field>\w+)` = (?P<value>.*)$", re.DOTALL)


def taken_parts(exc: ConstraintError) -> tuple[str, str, str] | None:
    """The label, field and value of a unique value Neo4j refused, or None when its text is not the usual."""
    match = _TAKEN.search(exc.message or "")
    if match is None:
        return None
    value = match["value"].strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        value = value[1:-1]
    return match["label"], match["field"], value


def taken(exc: ConstraintError, *, holder: str | None = None) -> ConflictError:
    """The CONFLICT for a unique value already stored, in our words: the field, the value and the kind of node
    holding it (`holder`, else the label Neo4j names; its own text names internal node ids)."""
    parts = taken_parts(exc)
    if parts is None:
        return ConflictError("A value that must be unique is already taken", field="id")
    label, field, value = parts
    return ConflictError(
        f"{field} {value!r} is already taken by another {holder or label}", field=field, value=value
    )
