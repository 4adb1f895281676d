"""The GraphQL router: schema, per-request context (with the caller's token) and GraphiQL."""

from __future__ import annotations

from fastapi import Request
from strawberry.fastapi import GraphQLRouter

from api.settings import Settings, health_thresholds
from graph.db import Database
from graph.tokens import TokenCache
from resolvers.auth import authenticate
from resolvers.context import Context
from resolvers.context import Settings as ResolverSettings
from resolvers.schema import build_schema


def graphql_router(settings: Settings) -> GraphQLRouter[Context, None]:
    """Build the /graphql router; each request gets a fresh Context with new DataLoaders."""
    resolver_settings = ResolverSettings(
        max_page_size=settings.max_page_size,
        public_reads=settings.public_reads,
        health=health_thresholds(settings),
    )
    tokens = TokenCache(settings.token_cache_seconds)

    async def context_getter(request: Request) -> Context:
        db: Database = request.app.state.db
        principal, problem = await authenticate(tokens, db, request.headers.get("authorization"))
        return Context(db=db, settings=resolver_settings, principal=principal, auth_problem=problem)

    schema = build_schema(
        max_depth=settings.max_query_depth, max_aliases=settings.max_aliases, max_tokens=settings.max_tokens
    )
    return GraphQLRouter(
        schema, context_getter=context_getter, graphql_ide="graphiql" if settings.graphiql else None
    )
