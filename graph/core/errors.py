"""Domain errors with stable codes that the API shows to users as they are."""

from __future__ import annotations

from typing import Any


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
