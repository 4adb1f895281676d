"""The GraphQL router: schema, per-request context (with the caller's token) and GraphiQL."""

from __future__ import annotations

from functools import partial
from typing import Any

from starlette.requests import HTTPConnection
from strawberry.exceptions import ConnectionRejectionError
from strawberry.fastapi import GraphQLRouter
from strawberry.schema import BaseSchema
from strawberry.types.unset import UnsetType

from api.settings import Settings, health_thresholds
from graph.core.db import Database
from graph.integrations.tokens import TokenCache
from resolvers.core.context import Context
from resolvers.core.context import Settings as ResolverSettings
from resolvers.integrations.auth import authenticate
from resolvers.schema import build_schema


class Router(GraphQLRouter[Context, None]):
    """Over websockets (graphql-transport-ws) the token comes in connection_init: {"authorization": "Bearer …"}."""

    def __init__(self, schema: BaseSchema, *, tokens: TokenCache, **options: Any) -> None:
        super().__init__(schema, **options)
        self.tokens = tokens

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """Check connection_init's token; refuse (close 4403) a bad one, or none where reads need one."""
        params = context.connection_params
        value = params.get("authorization") if isinstance(params, dict) else None
        if value is not None:
            # connection_init's token replaces the handshake's Authorization header, for every operation.
            context.reauthenticate = partial(authenticate, self.tokens, context.db, str(value))
            context.principal, context.auth_problem = await context.reauthenticate()
        if context.auth_problem is not None or (context.principal is None and not context.public_reads):
            raise ConnectionRejectionError({"message": context.auth_problem or "Reading needs an API token"})
        return await super().on_ws_connect(context)


def graphql_router(settings: Settings) -> GraphQLRouter[Context, None]:
    """Build the /graphql router; each request gets a fresh Context with new DataLoaders."""
    resolver_settings = ResolverSettings(
        max_page_size=settings.max_page_size,
        public_reads=settings.public_reads,
        health=health_thresholds(settings),
    )
    tokens = TokenCache(settings.token_cache_seconds)

    async def context_getter(request: HTTPConnection) -> Context:
        # An HTTPConnection: a Request over HTTP, a WebSocket for subscriptions.
        db: Database = request.app.state.db
        header = request.headers.get("authorization")
        principal, problem = await authenticate(tokens, db, header)
        context = Context(
            db=db,
            settings=resolver_settings,
            principal=principal,
            auth_problem=problem,
            events=request.app.state.events,
        )
        if request.scope["type"] == "websocket":
            # One context serves every operation of the connection: each looks the token up again.
            context.reauthenticate = partial(authenticate, tokens, db, header)
        return context

    schema = build_schema(
        max_depth=settings.max_query_depth, max_aliases=settings.max_aliases, max_tokens=settings.max_tokens
    )
    return Router(
        schema,
        tokens=tokens,
        context_getter=context_getter,
        graphql_ide="graphiql" if settings.graphiql else None,
    )
