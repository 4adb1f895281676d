"""What a GraphQL document may ask for, checked in time linear in the document before anything else runs.

Strawberry's QueryDepthLimiter and MaxAliasesLimiter walk every fragment spread again, so a document of 26
fragments that each spread the next one twice (under 1 KB) costs 2^25 steps and froze the process. Here each
fragment definition is measured once (fragments in dependency order, each reusing the numbers of those it
spreads), so the cost grows with the document's length, not with what it expands to. It also bounds what
graphql-core's OverlappingFieldsCanBeMergedRule costs, which compares fields pairwise: how many fields may
answer at one response path and how many fragments a document may define.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
)
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document
from strawberry.types.graphql import OperationType

from resolvers.core.text import variables_errors


@dataclass(frozen=True)
class QueryLimits:
    """The limits (AG_MAX_QUERY_DEPTH, AG_MAX_ALIASES, AG_MAX_FIELDS; the last two are fixed)."""

    max_depth: int = 12
    max_aliases: int = 30
    # Fields selected once every fragment is expanded: 1,000 is many times what any documented query asks.
    max_fields: int = 1000
    # Fields answering at one response path (e.g. team.parent.id), fragments expanded: at most this many.
    max_repeats: int = 10
    max_fragments: int = 50


@dataclass(frozen=True)
class Size:
    """What a selection set asks for: nesting below it, aliases and fields, fragments expanded."""

    depth: int = 0
    aliases: int = 0
    fields: int = 0

    def __add__(self, other: Size) -> Size:
        return Size(max(self.depth, other.depth), self.aliases + other.aliases, self.fields + other.fields)


def _spreads(selections: SelectionSetNode | None) -> Iterator[str]:
    """The names of the fragments spread anywhere inside `selections`."""
    for node in selections.selections if selections else ():
        if isinstance(node, FragmentSpreadNode):
            yield node.name.value
        elif isinstance(node, FieldNode | InlineFragmentNode):
            yield from _spreads(node.selection_set)


Path = tuple[str, ...]


class _Measure:
    """Measures selection sets, reusing what was found for each fragment (computed once) at its spreads."""

    def __init__(self) -> None:
        self.sizes: dict[str, Size] = {}
        self.paths: dict[str, Counter[Path]] = {}

    def size(self, selections: SelectionSetNode) -> Size:
        """Nesting, aliases and fields below `selections`, fragments expanded."""
        total = Size()
        for node in self._level(selections):
            if isinstance(node, FragmentSpreadNode):
                total += self.sizes.get(node.name.value, Size())
                continue
            below = self.size(node.selection_set) if node.selection_set else Size()
            # Introspection (__schema, __type) does not count toward the depth, as with strawberry's limiter.
            depth = below.depth + 1 if node.selection_set and not node.name.value.startswith("__") else 0
            total += Size(depth, below.aliases + (1 if node.alias else 0), below.fields + 1)
        return total

    def path_counts(self, selections: SelectionSetNode) -> Counter[Path]:
        """How many fields answer at each response path below `selections`, fragments expanded.

        graphql-core's OverlappingFieldsCanBeMergedRule compares the fields at one path pairwise, so the
        square of these counts is its cost. Only computed once every definition is within max_fields, so
        each counter has at most that many entries.
        """
        counts: Counter[Path] = Counter()
        for node in self._level(selections):
            if isinstance(node, FragmentSpreadNode):
                counts.update(self.paths.get(node.name.value, Counter()))
                continue
            name = node.alias.value if node.alias else node.name.value
            counts[(name,)] += 1
            if node.selection_set:
                for path, count in self.path_counts(node.selection_set).items():
                    counts[(name, *path)] += count
        return counts

    def _level(self, selections: SelectionSetNode) -> Iterator[FieldNode | FragmentSpreadNode]:
        """The fields and spreads of one level, looking through inline fragments."""
        for node in selections.selections:
            if isinstance(node, InlineFragmentNode):
                yield from self._level(node.selection_set)
            elif isinstance(node, FieldNode | FragmentSpreadNode):
                yield node


def _fragment_order(fragments: dict[str, FragmentDefinitionNode]) -> tuple[list[str], list[str] | None]:
    """The fragments, each after those it spreads, and a cycle of spreads if there is one."""
    uses = {name: [s for s in _spreads(f.selection_set) if s in fragments] for name, f in fragments.items()}
    order: list[str] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in fragments:
        if start in state:
            continue
        path, stack = [start], [iter(uses[start])]
        state[start] = 1
        while stack:
            child = next(stack[-1], None)
            if child is None:
                state[path[-1]] = 2
                order.append(path.pop())
                stack.pop()
            elif state.get(child) == 1:
                return order, [*path[path.index(child) :], child]
            elif child not in state:
                state[child] = 1
                path.append(child)
                stack.append(iter(uses[child]))
    return order, None


def document_errors(document: DocumentNode, limits: QueryLimits) -> list[GraphQLError]:
    """The limits `document` breaks, found in one pass over it (each fragment measured once)."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    if len(fragments) > limits.max_fragments:
        return [GraphQLError(f"{len(fragments)} fragments found. Allowed: {limits.max_fragments}")]
    order, cycle = _fragment_order(fragments)
    if cycle is not None:
        via = " via " + ", ".join(f"'{name}'" for name in cycle[1:-1]) if len(cycle) > 2 else ""
        return [GraphQLError(f"Cannot spread fragment '{cycle[0]}' within itself{via}.", fragments[cycle[0]])]
    measure = _Measure()
    for name in order:
        measure.sizes[name] = measure.size(fragments[name].selection_set)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    sizes = [measure.size(operation.selection_set) for operation in operations]
    errors = [
        GraphQLError(
            f"'{op.name.value if op.name else 'anonymous'}' exceeds maximum operation depth of {limits.max_depth}",
            op,
        )
        for op, size in zip(operations, sizes, strict=True)
        if size.depth > limits.max_depth
    ]
    aliases = sum(size.aliases for size in sizes)
    if aliases > limits.max_aliases:
        errors.append(GraphQLError(f"{aliases} aliases found. Allowed: {limits.max_aliases}"))
    fields = max([sum(size.fields for size in sizes)] + [size.fields for size in measure.sizes.values()])
    if fields > limits.max_fields:
        errors.append(
            GraphQLError(f"{fields} fields found once fragments are expanded. Allowed: {limits.max_fields}")
        )
    if errors:
        return errors
    for name in order:
        measure.paths[name] = measure.path_counts(fragments[name].selection_set)
    for counts in [*measure.paths.values(), *(measure.path_counts(op.selection_set) for op in operations)]:
        if counts and (most := counts.most_common(1)[0])[1] > limits.max_repeats:
            path, count = most
            return [
                GraphQLError(
                    f"'{'.'.join(path)}' is selected {count} times once fragments are expanded. "
                    f"Allowed: {limits.max_repeats}"
                )
            ]
    return []


class RequestChecks(SchemaExtension):
    """Before graphql-core's own validation: the operation to run is named, a subscription comes over the
    websocket, the document keeps within the limits, and every string variable is valid Unicode text
    (resolvers/core/text.py). A refused document is not validated further."""

    limits = QueryLimits()

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        document = ctx.graphql_document
        if document is not None and ctx.pre_execution_errors is None:
            # Called directly, not as a graphql-core rule: validate() would first walk the whole document
            # with type information (30 ms for the 26-fragment document), the cost this check avoids.
            schema, rules = ctx.schema._schema, tuple(ctx.validation_rules)
            errors = (
                self._request_errors(document)
                or _once(ctx.query, self.limits, lambda: document_errors(document, self.limits))
                or variables_errors(schema, chosen_operation(document, ctx.operation_name), ctx.variables)
                # graphql-core's validation depends on the document alone, and was a quarter of a small
                # query's CPU (docs/BENCHMARKS.md, "The request path"): once per document text.
                or _once(ctx.query, (schema, rules), lambda: validate_document(schema, document, rules))
            )
            ctx.pre_execution_errors = errors
        yield

    def _request_errors(self, document: DocumentNode) -> list[GraphQLError]:
        ctx = self.execution_context
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        # ctx.operation_name falls back to the first operation's name; the name the request gave is kept
        # apart (strawberry has no public attribute for it).
        if len(operations) > 1 and ctx._provided_operation_name is None:
            return [
                GraphQLError(
                    f"The document holds {len(operations)} operations: send `operationName` to pick one"
                )
            ]
        request = getattr(ctx.context, "request", None)
        over_http = request is not None and request.scope.get("type") == "http"
        if over_http and ctx.operation_type is OperationType.SUBSCRIPTION:
            return [
                GraphQLError(
                    "Subscriptions run over a websocket at the same /graphql path (graphql-transport-ws), "
                    "not over HTTP POST or GET"
                )
            ]
        return []


def chosen_operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    """The operation a request runs: the one named, or the document's only one."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name is not None and o.name.value == name), None)


# Documents whose parse (strawberry's ParserCache, resolvers/schema.py) and checks are kept. Bounded, so
# unique documents can't grow memory (each has at most AG_MAX_TOKENS tokens).
DOCUMENTS_CACHED = 256
_checked: OrderedDict[tuple[str, Hashable], list[GraphQLError]] = OrderedDict()


def _once(text: str | None, key: Hashable, check: Callable[[], list[GraphQLError]]) -> list[GraphQLError]:
    """What `check` finds in the document of this text, computed once per text and key (the text, not the
    document, is the key: hashing a DocumentNode walks all of it). A copy, so no caller changes the cache."""
    if text is None:
        return check()
    entry = (text, key)
    found = _checked.get(entry)
    if found is None:
        found = _checked[entry] = check()
        if len(_checked) > 2 * DOCUMENTS_CACHED:
            _checked.popitem(last=False)
    else:
        _checked.move_to_end(entry)
    return list(found)


_parse = lru_cache(maxsize=DOCUMENTS_CACHED)(parse)


class ParseOnce(SchemaExtension):
    """Parse each document text once (an LRU of DOCUMENTS_CACHED). Unlike strawberry's ParserCache, a
    document that does not parse is left to strawberry, which reports it as a syntax error as usual."""

    def on_parse(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.query is not None:
            # Any failure (a syntax error, too many tokens): strawberry's own parse meets and reports it.
            with suppress(Exception):
                ctx.graphql_document = _parse(ctx.query, **ctx.parse_options)
        yield


def request_checks(limits: QueryLimits) -> type[RequestChecks]:
    """The RequestChecks extension with these limits."""
    return type("RequestChecks", (RequestChecks,), {"limits": limits})
