"""Text Neo4j can store: every string argument is checked for lone surrogates in one place, before resolvers run.

A JSON body may carry `"\\ud800"`, half of a UTF-16 pair, which Python keeps as a lone surrogate and the Neo4j
driver cannot encode (UnicodeEncodeError, so INTERNAL, and for a push the whole batch lost). The GraphQL
lexer already refuses one inside the document, so only variables can carry one: `variables_errors` walks
them against the operation's variable types and answers VALIDATION naming the path, e.g. `$input.title`.

An input type that checks its own text item by item (a pushed value is REJECTED on its own, the others in the
batch stored) is registered with `checks_own_text` and skipped here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    GraphQLError,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    OperationDefinitionNode,
)
from graphql.utilities import type_from_ast

from graph.core.errors import ValidationError
from graph.core.text import is_text, shown

_SELF_CHECKED: set[str] = set()


def checks_own_text(name: str) -> None:
    """Leave the input type `name` to its resolver, which rejects bad text item by item."""
    _SELF_CHECKED.add(name)


def _bad_text(value: Any, type_: GraphQLInputType | None, path: str) -> Iterator[tuple[str, str]]:
    """Yield (path, value) for every string under `value` that is not valid text."""
    while isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    if isinstance(value, str):
        if not is_text(value):
            yield path, value
    elif isinstance(value, list):
        item_type = type_.of_type if isinstance(type_, GraphQLList) else type_
        for index, item in enumerate(value):
            yield from _bad_text(item, item_type, f"{path}[{index}]")
    elif isinstance(value, dict):
        if isinstance(type_, GraphQLInputObjectType) and type_.name in _SELF_CHECKED:
            return
        fields = type_.fields if isinstance(type_, GraphQLInputObjectType) else {}
        for key, item in value.items():
            if not is_text(key):
                yield path, key
                continue
            field = fields.get(key)
            yield from _bad_text(item, field.type if field else None, f"{path}.{key}")


def variables_errors(
    schema: GraphQLSchema, operation: OperationDefinitionNode | None, variables: dict[str, Any] | None
) -> list[GraphQLError]:
    """VALIDATION for the first string among the operation's variables that is not valid text.

    Runs before graphql-core's validation: a variable whose type is unknown has each of its strings checked.
    """
    if not variables:
        return []
    definitions = operation.variable_definitions if operation is not None else ()
    types = {d.variable.name.value: d.type for d in definitions or ()}
    for name, value in variables.items():
        ast_type = types.get(name)
        type_ = type_from_ast(schema, ast_type) if ast_type is not None else None
        for path, bad in _bad_text(value, type_, f"${shown(name)}"):  # type: ignore[arg-type]
            field = path[1:]
            error = ValidationError(
                f"{field} {bad!r} is not valid Unicode text (it holds a lone UTF-16 surrogate)",
                field=field,
                value=shown(bad),
            )
            return [GraphQLError(error.message, original_error=error)]
    return []
