"""The generated clients with the client's policy for sending: retries with backoff, and typed errors.

ariadne-codegen's clients (generated/client.py, generated/sync_client.py) have one typed method per operation,
each calling `execute` and `get_data`. These subclasses override just those two, so every generated method,
the ones added later included, retries and raises AlignGraph's GraphQLError subclasses. A mutation is sent
once unless its caller passes `retry=True` (push_values does: its values carry idempotency keys).
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, cast

import httpx

from aligngraph_client.generated.client import GeneratedAsyncClient
from aligngraph_client.generated.sync_client import GeneratedClient
from aligngraph_client.operations import read_data
from aligngraph_client.retry import RETRY_ERRORS, RetryPolicy, policy_for, should_retry, wait_or_give_up


class AsyncApi(GeneratedAsyncClient):
    """Every operation in clients/python/operations/, typed, async; `key_result_updated` subscribes."""

    def __init__(self, *, url: str, http: httpx.AsyncClient, retry: RetryPolicy, token: str | None) -> None:
        ws_url = "ws" + url.removeprefix("http") if url.startswith("http") else url
        init = {"authorization": f"Bearer {token}"} if token else None
        # httpx.AsyncClient is the client the generated base expects; its Protocol spells post() loosely.
        super().__init__(url=url, http_client=cast(Any, http), ws_url=ws_url, ws_connection_init_payload=init)
        self.retry = retry

    async def execute(
        self,
        query: str,
        operation_name: str | None = None,
        variables: dict[str, Any] | None = None,
        *,
        retry: bool | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """Send the operation, retrying as `retry` (or, when None, whether it is a query) says."""
        policy = policy_for(self.retry, query, retry)
        attempt = 0
        while True:
            try:
                sent = await super().execute(query, operation_name, variables, **kwargs)
            except RETRY_ERRORS as error:
                await asyncio.sleep(wait_or_give_up(policy, attempt, error=error))
            else:
                response = cast(httpx.Response, sent)
                if not should_retry(response):
                    return response
                await asyncio.sleep(wait_or_give_up(policy, attempt, response=response))
            attempt += 1

    def get_data(self, response: Any) -> dict[str, Any]:
        """The `data` of an answer; the typed GraphQLError for its `errors`."""
        return read_data(cast(httpx.Response, response))


class Api(GeneratedClient):
    """Every query and mutation in clients/python/operations/http/, typed, blocking."""

    def __init__(self, *, url: str, http: httpx.Client, retry: RetryPolicy) -> None:
        super().__init__(url=url, http_client=cast(Any, http))
        self.retry = retry

    def execute(
        self,
        query: str,
        operation_name: str | None = None,
        variables: dict[str, Any] | None = None,
        *,
        retry: bool | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """Send the operation, retrying as `retry` (or, when None, whether it is a query) says."""
        policy = policy_for(self.retry, query, retry)
        attempt = 0
        while True:
            try:
                sent = super().execute(query, operation_name, variables, **kwargs)
            except RETRY_ERRORS as error:
                time.sleep(wait_or_give_up(policy, attempt, error=error))
            else:
                response = cast(httpx.Response, sent)
                if not should_retry(response):
                    return response
                time.sleep(wait_or_give_up(policy, attempt, response=response))
            attempt += 1

    def get_data(self, response: Any) -> dict[str, Any]:
        """The `data` of an answer; the typed GraphQLError for its `errors`."""
        return read_data(cast(httpx.Response, response))
