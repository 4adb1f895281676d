"""Turn domain errors into GraphQL errors with a stable `code`; mask everything unexpected."""

from __future__ import annotations

import logging
from typing import TypeVar

import strawberry
from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.types import ExecutionContext

from graph.core.errors import DomainError

log = logging.getLogger("aligngraph.errors")
N = TypeVar("N")


def _unexpected(error: GraphQLError) -> bool:
    # Errors without an original error come from parsing or validation: they are the client's, keep them.
    original = error.original_error
    return original is not None and not isinstance(original, DomainError | GraphQLError)


class DomainErrors(MaskErrors):
    """Keep domain errors (with code, field and value), mask unexpected ones as INTERNAL."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=_unexpected, error_message="Unexpected error.")

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": "INTERNAL"}
        return masked

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = []
        for error in super()._process_errors(errors):
            original = error.original_error
            if isinstance(original, DomainError):
                error.extensions = {
                    "code": original.code,
                    "field": original.field,
                    "value": original.value,
                    **getattr(original, "extensions", {}),  # e.g. RATE_LIMITED's retryAfter
                }
            elif not (error.extensions or {}).get("code"):
                error.extensions = {**(error.extensions or {}), "code": "BAD_REQUEST"}
            processed.append(error)
        return processed


def present(value: N | None) -> N:
    # Edges point at nodes that exist in the same snapshot; a miss means a concurrent delete.
    if value is None:
        raise LookupError("a linked node was deleted while the request ran")
    return value


def log_errors(errors: list[GraphQLError], operation: str | None = None) -> None:
    """Refusals the caller can act on (every code but INTERNAL) in one INFO line; tracebacks only for
    unexpected errors, which the caller sees as INTERNAL."""
    for error in errors:
        original = error.original_error
        if _unexpected(error):
            log.error("INTERNAL in %s at %s", operation or "anonymous", error.path, exc_info=original)
            continue
        code = original.code if isinstance(original, DomainError) else "BAD_REQUEST"
        message = " ".join(error.message.split())
        log.info("refused %s in %s: %s", code, operation or "anonymous", message)


class Schema(strawberry.Schema):
    """strawberry's Schema, logging errors by log_errors instead of a traceback for each."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        log_errors(errors, execution_context.operation_name if execution_context else None)
