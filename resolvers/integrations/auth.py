"""Who may run an operation: bearer tokens, scopes per mutation, and the public-reads setting."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from graph.core.db import Database
from graph.core.errors import DomainError
from graph.integrations.tokens import Principal, Scope, TokenCache


class UnauthenticatedError(DomainError):
    code = "UNAUTHENTICATED"


class ForbiddenError(DomainError):
    code = "FORBIDDEN"


# The scope each mutation needs. A mutation missing here needs `admin` (fail closed); a test checks that every
# mutation of the schema is listed, so adding one means deciding its scope.
MUTATION_SCOPES: dict[str, Scope] = {
    "createOrganisation": Scope.ADMIN,
    "deleteOrganisation": Scope.ADMIN,
    # A whole organisation's plan at once, with --prune's archiving.
    "importPlan": Scope.ADMIN,
    "updateOrganisation": Scope.WRITE,
    "pushKeyResultValues": Scope.PUSH,
    **{
        name: Scope.WRITE
        for name in [
            "createTeam",
            "updateTeam",
            "deleteTeam",
            "createCycle",
            "updateCycle",
            "deleteCycle",
            "createPriority",
            "updatePriority",
            "deletePriority",
            "createInitiative",
            "updateInitiative",
            "deleteInitiative",
            "createObjective",
            "updateObjective",
            "archiveObjective",
            "deleteObjective",
            "createKeyResult",
            "updateKeyResult",
            "deleteKeyResult",
            "linkContribution",
            "unlinkContribution",
            "linkSupport",
            "unlinkSupport",
            "linkDependency",
            "unlinkDependency",
            "linkInitiative",
            "unlinkInitiative",
            # The OKR cycle: check-ins and retrospectives are the teams' own planning records.
            "recordCheckIn",
            "recordRetrospective",
            "closeCycle",
            "carryOverObjective",
        ]
    },
}
# Mutations that reach beyond one organisation: they need a token of every organisation (`--all-organisations`).
EVERY_ORGANISATION = frozenset({"createOrganisation"})
# Fields anyone may ask for: GraphiQL and code generators introspect the (open-source) schema.
PUBLIC_FIELDS = frozenset({"__schema", "__type", "__typename"})


def bearer(value: str | None) -> str | None:
    """The secret from an `Authorization: Bearer <secret>` value; "" for a malformed one, None if absent."""
    if value is None or not value.strip():
        return None
    kind, _, secret = value.strip().partition(" ")
    return secret.strip() if kind.lower() == "bearer" and secret.strip() else ""


async def authenticate(
    tokens: TokenCache, db: Database, authorization: str | None
) -> tuple[Principal | None, str | None]:
    """Turn an Authorization value (HTTP header or websocket connection_init) into (principal, problem).

    No value gives (None, None): anonymous. A malformed, unknown or revoked token gives a problem, which the
    Authorization extension reports as UNAUTHENTICATED whatever the operation.
    """
    secret = bearer(authorization)
    if secret is None:
        return None, None
    if secret == "":
        return None, "The Authorization header must be `Bearer <token>`"
    principal = await tokens.principal(db, secret)
    return (principal, None) if principal is not None else (None, "The API token is unknown or revoked")


def _root_fields(
    selections: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode], seen: set[str]
) -> Iterator[str]:
    for node in selections.selections:
        if isinstance(node, FieldNode):
            yield node.name.value
        elif isinstance(node, InlineFragmentNode):
            yield from _root_fields(node.selection_set, fragments, seen)
        elif isinstance(node, FragmentSpreadNode) and node.name.value not in seen:
            seen.add(node.name.value)
            fragment = fragments.get(node.name.value)
            if fragment is not None:
                yield from _root_fields(fragment.selection_set, fragments, seen)


def root_fields(document: DocumentNode, operation_name: str | None) -> list[str]:
    """The root field names the executed operation selects (fragments expanded)."""
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations if operation_name is None or (o.name and o.name.value == operation_name)]
    if not chosen:
        return []
    return list(_root_fields(chosen[0].selection_set, fragments, set()))


def check_access(
    principal: Principal | None,
    problem: str | None,
    operation: OperationType,
    fields: list[str],
    *,
    public_reads: bool,
) -> None:
    """Raise UNAUTHENTICATED or FORBIDDEN unless `principal` may run these root fields."""
    if problem is not None:
        raise UnauthenticatedError(problem, field="Authorization", value=None)
    asked = [f for f in fields if f not in PUBLIC_FIELDS]
    if not asked:
        return
    if operation is OperationType.MUTATION:
        if principal is None:
            raise UnauthenticatedError(
                "Changes need an API token: send `Authorization: Bearer <token>`",
                field="Authorization",
                value=None,
            )
        for field in asked:
            needed = MUTATION_SCOPES.get(field, Scope.ADMIN)
            if not principal.has(needed):
                raise ForbiddenError(
                    f"{field} needs a token with the {needed.value!r} scope; "
                    f"token {principal.name!r} has {sorted(s.value for s in principal.scopes)}",
                    field=field,
                    value=needed.value,
                )
            if field in EVERY_ORGANISATION and principal.organisation_id is not None:
                raise ForbiddenError(
                    f"{field} needs a token of every organisation (aligngraph token create --all-organisations); "
                    f"token {principal.name!r} belongs to organisation {principal.organisation_id!r}",
                    field=field,
                    value="allOrganisations",
                )
        return
    if public_reads:
        return
    if principal is None:
        raise UnauthenticatedError(
            "Reading needs an API token here: send `Authorization: Bearer <token>`",
            field="Authorization",
            value=None,
        )
    if not principal.has(Scope.READ):
        raise ForbiddenError(f"token {principal.name!r} may not read", field=asked[0], value=Scope.READ.value)


class Authorization(SchemaExtension):
    """Check the operation's root fields against the request's token before anything runs."""

    async def on_execute(self) -> AsyncIterator[None]:
        ctx = self.execution_context
        context: Any = ctx.context
        begin = getattr(context, "begin_operation", None)
        if begin is not None:
            await begin()  # a websocket's context serves many operations: look its token up again
        document = ctx.graphql_document
        if document is not None and not ctx.result:
            try:
                check_access(
                    getattr(context, "principal", None),
                    getattr(context, "auth_problem", None),
                    ctx.operation_type,
                    root_fields(document, ctx.operation_name),
                    public_reads=getattr(context, "public_reads", False),
                )
            except DomainError as exc:
                error = GraphQLError(exc.message, original_error=exc)
                ctx.result = ExecutionResult(data=None, errors=[error])
        yield
