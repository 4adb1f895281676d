"""The GraphQL router: schema, per-request context (with the caller's token) and GraphiQL."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, Response
from starlette.websockets import WebSocket
from strawberry.exceptions import ConnectionRejectionError
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.schema import BaseSchema
from strawberry.types.unset import UNSET, UnsetType

from api.pages import graphiql_html
from api.settings import Settings, health_thresholds
from graph.core.db import Database
from graph.core.errors import UnavailableError
from graph.core.text import shown
from graph.integrations.tokens import TokenCache
from resolvers.core.context import Context
from resolvers.core.context import Settings as ResolverSettings
from resolvers.core.cost import CostLimits
from resolvers.integrations.auth import authenticate
from resolvers.schema import build_schema

log = logging.getLogger("aligngraph.errors")


def refusal(
    status: int,
    message: str,
    *,
    code: str = "BAD_REQUEST",
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    """An HTTP-level refusal in the GraphQL error shape, with a stable code (lone surrogates an
    operationName may carry are shown escaped: Starlette's JSON can't encode them)."""
    message = shown(message)
    log.info("refused %s (HTTP %s): %s", code, status, message)
    error = {"message": message, "extensions": {"code": code, **extensions}}
    return JSONResponse({"data": None, "errors": [error]}, status_code=status, headers=headers)


def _errors(data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], code: str) -> list[dict[str, Any]]:
    """The extensions of an answer's errors with this code."""
    found = []
    for answer in data if isinstance(data, list) else [data]:
        for error in answer.get("errors") or []:
            extensions = error.get("extensions") if isinstance(error, dict) else None
            if isinstance(extensions, dict) and extensions.get("code") == code:
                found.append(extensions)
    return found


def retry_after(settings: Settings) -> dict[str, str]:
    """The Retry-After of every UNAVAILABLE answer: about as long as the API waited for Neo4j."""
    return {"Retry-After": str(max(1, math.ceil(settings.db_unavailable_timeout_seconds)))}


def unavailable_handler(
    settings: Settings,
) -> Callable[[Request | WebSocket, Exception], Awaitable[Response | None]]:
    """The app's answer to a database outage met before GraphQL runs (the token lookup in context_getter,
    a FastAPI dependency): 503 UNAVAILABLE with Retry-After, the same as a field that meets it. A websocket
    handshake gets the same 503 instead of the upgrade (or, where the server cannot send one, is closed with
    1013, "try again later")."""
    headers = retry_after(settings)

    async def handle(connection: Request | WebSocket, exc: Exception) -> Response | None:
        assert isinstance(exc, UnavailableError)
        response = refusal(503, exc.message, code=exc.code, headers=headers, field=exc.field, value=None)
        if not isinstance(connection, WebSocket):
            return response
        try:
            await connection.send_denial_response(response)
        except RuntimeError:
            await connection.close(1013, "The database is not reachable; try again later")
        return None

    return handle


class Router(GraphQLRouter[Context, None]):
    """Over websockets (graphql-transport-ws) the token comes in connection_init: {"authorization": "Bearer …"}."""

    def __init__(
        self, schema: BaseSchema, *, tokens: TokenCache, retry_after: dict[str, str], **options: Any
    ) -> None:
        super().__init__(schema, **options)
        self.tokens = tokens
        # Every UNAVAILABLE answer is HTTP 503 with this Retry-After, whether the token lookup or a field hit it.
        self.retry_after = retry_after

    def encode_json(self, data: object) -> str | bytes:
        """orjson, 10 to 20 times faster on large answers. It refuses what is not Unicode (a lone surrogate
        quoted in an error message): the standard library then writes it as a JSON escape, as before.
        Text, not bytes: over a websocket strawberry sends bytes as a binary frame, which a browser hands to
        the page as a Blob instead of a string (graphql-transport-ws messages are text frames)."""
        try:
            return orjson.dumps(data).decode()
        except TypeError:
            return super().encode_json(data)

    @property
    def graphql_ide_html(self) -> str:
        """GraphiQL with its scripts and styles served by this process (api/pages.py), not by a CDN."""
        return graphiql_html()

    async def run(  # type: ignore[override]
        self, request: Request | WebSocket, context: Context | UnsetType = UNSET, root_value: None = UNSET
    ) -> Response | WebSocket:
        """strawberry's run, answering its HTTP refusals (bad JSON, unknown operationName, ...) with a
        JSON body in the GraphQL error shape instead of plain text."""
        try:
            return await super().run(request, context, root_value)  # type: ignore[arg-type]
        except HTTPException as exc:
            code = "NOT_FOUND" if exc.status_code == 404 else "BAD_REQUEST"
            return refusal(exc.status_code, exc.reason, code=code)

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        """strawberry's JSON answer; 503 with Retry-After when it holds an UNAVAILABLE error (the database
        could not do all of it for now), 429 with the wait when its token's budget is spent."""
        response = super().create_response(response_data, sub_response)
        if _errors(response_data, "UNAVAILABLE"):
            response.status_code = 503
            response.headers.update(self.retry_after)
        elif limited := _errors(response_data, "RATE_LIMITED"):
            response.status_code = 429
            response.headers["Retry-After"] = str(max(int(e.get("retryAfter") or 1) for e in limited))
        return response

    def parse_json(self, data: str | bytes) -> Any:
        """Parse a body (or GET's ?variables=): strict UTF-8, an object (or a batch), and 400, not a crash,
        for JSON nested too deeply to parse."""
        try:
            text = data.decode("utf-8") if isinstance(data, bytes) else data
        except UnicodeDecodeError as exc:
            raise HTTPException(400, f"The request body is not valid UTF-8 (byte {exc.start})") from exc
        try:
            value = json.loads(text)
        except RecursionError as exc:
            raise HTTPException(400, "The JSON is nested too deeply") from exc
        except json.JSONDecodeError as exc:
            raise HTTPException(400, f"The JSON does not parse: {exc}") from exc
        if not isinstance(value, dict | list):
            raise HTTPException(
                400, f'Expected a JSON object like {{"query": "..."}}, got {text.strip()[:20]}'
            )
        return value

    def decode_json(self, data: str | bytes) -> object:
        """Websocket messages: JSON nested too deeply is refused like any JSON that does not parse (4400)."""
        try:
            return json.loads(data)
        except RecursionError as exc:
            raise json.JSONDecodeError("nested too deeply", "", 0) from exc

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        """strawberry's parsing, and operationName must be a string (or absent)."""
        parsed = await super().parse_http_body(request)
        for data in parsed if isinstance(parsed, list) else [parsed]:
            if not isinstance(data.operation_name, str | None):
                raise HTTPException(400, "The GraphQL operation's `operationName` must be a string or null")
        return parsed

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
        max_depth=settings.max_query_depth,
        max_aliases=settings.max_aliases,
        max_tokens=settings.max_tokens,
        max_fields=settings.max_fields,
        cost=CostLimits(
            max_cost=settings.max_query_cost,
            list_size=settings.cost_list_size,
            max_page_size=settings.max_page_size,
            budget=settings.rate_limit,
            window_seconds=settings.rate_limit_window_seconds,
        ),
    )
    return Router(
        schema,
        tokens=tokens,
        retry_after=retry_after(settings),
        context_getter=context_getter,
        graphql_ide="graphiql" if settings.graphiql else None,
    )
