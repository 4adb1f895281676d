"""What the client raises: the service's GraphQL errors by code, and failures to reach it."""

from __future__ import annotations

from typing import Any


class AlignGraphError(Exception):
    """Anything the client raises on purpose."""


class GraphQLError(AlignGraphError):
    """The service answered with an error: `code` (e.g. VALIDATION), and the `field` and `value` at fault.

    `errors` holds every error of the response; the first one sets code, field, value and the message.
    """

    def __init__(
        self, message: str, *, code: str, field: str | None, value: Any, errors: list[dict[str, Any]]
    ):
        super().__init__(f"{code}: {message}")
        self.message = message
        self.code = code
        self.field = field
        self.value = value
        self.errors = errors


class Unauthenticated(GraphQLError):
    """No token, or one the service does not know (revoked, mistyped)."""


class Forbidden(GraphQLError):
    """The token lacks the scope, or may not touch that team's key results."""


class ValidationFailed(GraphQLError):
    """An argument broke a rule; `field` names it."""


class NotFound(GraphQLError):
    """An id names nothing."""


class Conflict(GraphQLError):
    """The change clashes with what is stored."""


class ServiceUnavailable(AlignGraphError):
    """The service could not be reached or kept failing (network errors, 5xx, 429) after every retry."""

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class HTTPError(AlignGraphError):
    """The service answered with an HTTP error that is not worth retrying and holds no GraphQL errors."""

    def __init__(self, message: str, *, status_code: int) -> None:
        super().__init__(message)
        self.status_code = status_code


BY_CODE: dict[str, type[GraphQLError]] = {
    "UNAUTHENTICATED": Unauthenticated,
    "FORBIDDEN": Forbidden,
    "VALIDATION": ValidationFailed,
    "NOT_FOUND": NotFound,
    "CONFLICT": Conflict,
}


def from_errors(errors: list[dict[str, Any]]) -> GraphQLError:
    """The exception for a response's `errors` list, typed by the first error's code."""
    first = errors[0] if errors else {}
    extensions = first.get("extensions") or {}
    code = str(extensions.get("code") or "UNKNOWN")
    return BY_CODE.get(code, GraphQLError)(
        str(first.get("message", "GraphQL error")),
        code=code,
        field=extensions.get("field"),
        value=extensions.get("value"),
        errors=errors,
    )
