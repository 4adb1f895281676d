"""What an operation costs, and how much each token may spend in a window (GitHub's and Shopify's way).

An operation's requested cost is the most fields its answer can hold: every field counts 1, times the
size of each list it sits in. A list's size is its `first`/`last` argument (or that argument's default), or
the number of `ids` it is given, at most the page size limit; a list inside a connection (`nodes`, `edges`)
takes the connection's size; any other list counts `list_size` items. Introspection (`__schema`, `__type`) counts 1. It is computed on
the validated document, before anything runs, in time linear in the document: RequestChecks has already
bounded the fields a document expands to (resolvers/core/limits.py).

What a token may spend in a window is in resolvers/core/budget.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    value_from_ast_untyped,
)

from graph.core.errors import DomainError

SIZE_ARGUMENTS = ("first", "last")
# A list answered item for item from a list argument (nodes(ids:)) holds as many items as the argument.
LIST_ARGUMENTS = ("ids",)


@dataclass(frozen=True)
class CostLimits:
    """AG_MAX_QUERY_COST, AG_COST_LIST_SIZE, AG_RATE_LIMIT (0: none) and AG_RATE_LIMIT_WINDOW_SECONDS."""

    max_cost: int = 50_000
    list_size: int = 10
    max_page_size: int = 100
    budget: int = 5_000_000
    window_seconds: float = 60.0


class CostLimitError(DomainError):
    code = "COST_LIMIT"


class _Cost:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict[str, Any],
        limits: CostLimits,
    ) -> None:
        self.schema, self.fragments, self.variables, self.limits = schema, fragments, variables, limits

    def selections(
        self, selections: SelectionSetNode, parent: GraphQLNamedType | None, page: int | None
    ) -> int:
        """The fields below `selections` on `parent`, times list sizes; `page`: the enclosing connection's."""
        total = 0
        for node in selections.selections:
            if isinstance(node, FieldNode):
                total += self.field(node, parent, page)
            elif isinstance(node, InlineFragmentNode):
                on = self.schema.get_type(node.type_condition.name.value) if node.type_condition else parent
                total += self.selections(node.selection_set, on, page)
            elif isinstance(node, FragmentSpreadNode) and (fragment := self.fragments.get(node.name.value)):
                on = self.schema.get_type(fragment.type_condition.name.value)
                total += self.selections(fragment.selection_set, on, page)
        return total

    def field(self, node: FieldNode, parent: GraphQLNamedType | None, page: int | None) -> int:
        fields = parent.fields if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType) else {}
        definition = fields.get(node.name.value)
        if definition is None or node.selection_set is None:
            return 1  # a scalar, __typename, or introspection (__schema, __type)
        size = self.size(node, definition.args)
        kind = definition.type.of_type if isinstance(definition.type, GraphQLNonNull) else definition.type
        if isinstance(kind, GraphQLList):
            items, below = (
                (size if size is not None else page if page is not None else self.limits.list_size),
                None,
            )
        else:
            items, below = 1, size
        return 1 + items * self.selections(node.selection_set, get_named_type(definition.type), below)

    def size(self, node: FieldNode, args: dict[str, Any]) -> int | None:
        """The `first`/`last` a field asks for (or defaults to), within 0 and the page size limit."""
        given = {argument.name.value: argument.value for argument in node.arguments or ()}
        for name in LIST_ARGUMENTS:
            if name in args and name in given:
                items = given[name]
                bound = self.variables.get(items.name.value) if isinstance(items, VariableNode) else None
                if isinstance(items, ListValueNode):
                    count = len(items.values)
                else:  # a variable's list, or one value GraphQL takes as a list of one
                    count = len(bound) if isinstance(bound, list) else 1
                return max(0, min(count, self.limits.max_page_size))
        for name in SIZE_ARGUMENTS:
            if name not in args:
                continue
            value: object = args[name].default_value
            if name in given:
                ast = given[name]
                if isinstance(ast, VariableNode):
                    value = self.variables.get(ast.name.value)
                elif isinstance(ast, IntValueNode):
                    value = value_from_ast_untyped(ast)
            if isinstance(value, int) and not isinstance(value, bool):
                return max(0, min(value, self.limits.max_page_size))
        return None


def requested_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: dict[str, Any] | None,
    limits: CostLimits,
) -> int:
    """The most fields the operation's answer can hold (see the module's docstring)."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    values = dict(variables or {})
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        if name not in values and definition.default_value is not None:
            values[name] = value_from_ast_untyped(definition.default_value)
    root = schema.get_root_type(operation.operation)
    return _Cost(schema, fragments, values, limits).selections(operation.selection_set, root, None)


def answer_cost(data: object, *, at_most: int) -> int:
    """The fields an answer holds (every key of every object in it), counted up to `at_most` only: a push
    of 10,000 values that asked for little is not walked value by value."""
    count, stack = 0, [data]
    while stack and count < at_most:
        value = stack.pop()
        if isinstance(value, dict):
            count += len(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return min(count, at_most)
