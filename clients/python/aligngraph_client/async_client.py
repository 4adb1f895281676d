"""The asyncio client: `async with AsyncClient(url, token=...) as ag: await ag.push_values([...])`."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Sequence
from types import TracebackType
from typing import Any

import httpx

from aligngraph_client import operations as ops
from aligngraph_client.retry import RETRY_ERRORS, RetryPolicy, policy_for, should_retry, wait_or_give_up
from aligngraph_client.types import (
    KeyResult,
    KeyResultValueInput,
    Measurement,
    MeasurementConnection,
    PushItemResult,
    PushResult,
)


class AsyncClient:
    """Talks to one Alignment Graph service over HTTP; retries reads and pushes with backoff.

    `url` is the GraphQL endpoint; `token` an API token (`ag_...`), sent as `Authorization: Bearer`.
    `transport` replaces httpx's own (for proxies, tests). Close it with `aclose`, or use `async with`.
    """

    def __init__(
        self,
        url: str = ops.DEFAULT_URL,
        token: str | None = None,
        *,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        batch_size: int = ops.DEFAULT_BATCH,
        headers: dict[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.url = url
        self.retry = retry or RetryPolicy()
        self.batch_size = ops.check_batch_size(batch_size)
        self._http = httpx.AsyncClient(
            timeout=timeout, headers=ops.headers(token, headers), transport=transport
        )

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def execute(
        self, query: str, variables: dict[str, Any] | None = None, *, retry: bool | None = None
    ) -> dict[str, Any]:
        """Run any GraphQL document and return its `data`; raise GraphQLError (typed by code) on errors.

        Network errors, 5xx and 429 are retried for queries; a mutation is sent once, since resending one
        the service already applied could apply it twice. `retry=True` or `False` decides instead.
        """
        policy = policy_for(self.retry, query, retry)
        body = ops.request_body(query, variables)
        attempt = 0
        while True:
            try:
                response = await self._http.post(self.url, json=body)
            except RETRY_ERRORS as error:
                await asyncio.sleep(wait_or_give_up(policy, attempt, error=error))
            else:
                if not should_retry(response):
                    return ops.read_data(response)
                await asyncio.sleep(wait_or_give_up(policy, attempt, response=response))
            attempt += 1

    async def push_values(
        self,
        values: Sequence[KeyResultValueInput],
        *,
        batch_size: int | None = None,
        progress: ops.Progress | None = None,
    ) -> PushResult:
        """Push values in calls of `batch_size` (default: the client's); one result, indexed like `values`.

        Values without an idempotency key get one made from their content (`content_key`: key result,
        value, observedAt, source) before the first call, so neither a retry nor the same job run again
        stores a value twice. When a call fails for good, the batches before it stay stored and the error
        is raised: pushing the same values again is safe.
        """
        push = ops.PushCalls(values, batch_size or self.batch_size, progress)
        for variables in push.variables():
            push.answer(await self.execute(ops.PUSH, variables, retry=True))
        return push.result()

    async def push_value(
        self,
        *,
        value: float,
        source: str,
        key_result_id: str | None = None,
        external_key: str | None = None,
        observed_at: dt.datetime | None = None,
        idempotency_key: str | None = None,
    ) -> PushItemResult:
        """Push one value of the key result named by id or external key, observed now unless told."""
        item = ops.one_value(
            value=value,
            source=source,
            key_result_id=key_result_id,
            external_key=external_key,
            observed_at=observed_at,
            idempotency_key=idempotency_key,
        )
        return (await self.push_values([item])).items[0]

    async def key_result(self, id: str) -> KeyResult:
        """One key result; raise NotFound when the id names none."""
        return ops.read_key_result(await self.execute(ops.KEY_RESULT, {"id": id}), id)

    async def history(
        self,
        key_result_id: str,
        *,
        observed_from: dt.datetime | None = None,
        observed_to: dt.datetime | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> MeasurementConnection:
        """One page of a key result's measurements, newest observed first, observed in [from, to)."""
        variables = ops.history_variables(key_result_id, observed_from, observed_to, first, after)
        return ops.read_history(await self.execute(ops.HISTORY, variables), key_result_id)

    async def iter_history(
        self,
        key_result_id: str,
        *,
        observed_from: dt.datetime | None = None,
        observed_to: dt.datetime | None = None,
        page_size: int = 100,
    ) -> AsyncIterator[Measurement]:
        """Every measurement of a key result, newest observed first, fetching page after page."""
        after: str | None = None
        while True:
            page = await self.history(
                key_result_id,
                observed_from=observed_from,
                observed_to=observed_to,
                first=page_size,
                after=after,
            )
            for measurement in page.nodes:
                yield measurement
            if not page.page_info.has_next_page:
                return
            after = page.page_info.end_cursor
