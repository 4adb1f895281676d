"""The asyncio client: `async with AsyncClient(url, token=...) as ag: await ag.push_values([...])`.

The policy (batches, content keys, NotFound for a missing key result, paging) sits on `self.api`, the
generated client (aligngraph_client/generated/client.py) with retries (transport.AsyncApi).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncGenerator, AsyncIterator, Sequence
from contextlib import aclosing
from types import TracebackType
from typing import Any, cast

import httpx

from aligngraph_client import operations as ops
from aligngraph_client.generated.fragments import (
    KeyResult,
    KeyResultUpdate,
    Measurement,
    MeasurementConnection,
    PushItemResult,
    PushResult,
)
from aligngraph_client.generated.input_types import KeyResultValueInput
from aligngraph_client.generated.key_result_updated import KeyResultUpdated
from aligngraph_client.retry import RetryPolicy
from aligngraph_client.transport import AsyncApi


class AsyncClient:
    """Talks to one Alignment Graph service over HTTP; retries reads and pushes with backoff.

    `url` is the GraphQL endpoint; `token` an API token (`ag_...`), sent as `Authorization: Bearer`.
    `transport` replaces httpx's own (for proxies, tests). Close it with `aclose`, or use `async with`.
    `api` runs any operation of clients/python/operations/ as a typed method (e.g.
    `await ag.api.get_key_result(id)`), with the same retries and errors.
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
        self.api = AsyncApi(url=url, http=self._http, retry=self.retry, token=token)

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
        return self.api.get_data(await self.api.execute(query, variables=variables, retry=retry))

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
        for batch in push.batches():
            push.answer((await self.api.push_key_result_values(batch, retry=True)).push_key_result_values)
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
        return ops.key_result_or_not_found((await self.api.get_key_result(id)).key_result, id)

    async def key_results_by_external_key(self, keys: Sequence[str]) -> dict[str, KeyResult | None]:
        """The key result each externalKey names (None where none of your organisation's has it), in calls
        of 1,000 keys; raise ValidationFailed for a malformed key."""
        wanted = ops.check_keys(keys)
        found: list[KeyResult | None] = []
        for _, batch in ops.batches(wanted, ops.MAX_KEYS):
            found += (await self.api.key_results_by_external_key(batch)).key_results_by_external_key
        return ops.by_key(wanted, found)

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
        answer = await self.api.key_result_history(
            key_result_id, first, from_=observed_from, to=observed_to, after=after
        )
        return ops.key_result_or_not_found(answer.key_result, key_result_id).history

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

    async def key_result_updates(
        self,
        *,
        key_result_id: str | None = None,
        objective_id: str | None = None,
        team_id: str | None = None,
    ) -> AsyncIterator[KeyResultUpdate]:
        """Each committed change of a key result, as keyResultUpdated streams it over a websocket (needs
        `pip install './clients/python[subscriptions]'`); the filters combine, none means every update.
        Closing the iterator (`contextlib.aclosing`) closes the websocket."""
        # The generated method is an async generator, typed as the AsyncIterator it returns.
        updates = cast(
            AsyncGenerator[KeyResultUpdated, None],
            self.api.key_result_updated(
                key_result_id=key_result_id, objective_id=objective_id, team_id=team_id
            ),
        )
        async with aclosing(updates):
            async for update in updates:
                yield update.key_result_updated
