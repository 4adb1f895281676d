"""The blocking client: `with Client(url, token=...) as ag: ag.push_values([...])`."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Sequence
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


class Client:
    """Talks to one Alignment Graph service over HTTP; retries reads and pushes with backoff.

    `url` is the GraphQL endpoint; `token` an API token (`ag_...`), sent as `Authorization: Bearer`.
    `transport` replaces httpx's own (for proxies, tests). Close it, or use it in a `with` block.
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
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url
        self.retry = retry or RetryPolicy()
        self.batch_size = ops.check_batch_size(batch_size)
        self._http = httpx.Client(timeout=timeout, headers=ops.headers(token, headers), transport=transport)

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def execute(
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
                response = self._http.post(self.url, json=body)
            except RETRY_ERRORS as error:
                time.sleep(wait_or_give_up(policy, attempt, error=error))
            else:
                if not should_retry(response):
                    return ops.read_data(response)
                time.sleep(wait_or_give_up(policy, attempt, response=response))
            attempt += 1

    def push_values(
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
            push.answer(self.execute(ops.PUSH, variables, retry=True))
        return push.result()

    def push_value(
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
        return self.push_values([item]).items[0]

    def key_result(self, id: str) -> KeyResult:
        """One key result; raise NotFound when the id names none."""
        return ops.read_key_result(self.execute(ops.KEY_RESULT, {"id": id}), id)

    def history(
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
        return ops.read_history(self.execute(ops.HISTORY, variables), key_result_id)

    def iter_history(
        self,
        key_result_id: str,
        *,
        observed_from: dt.datetime | None = None,
        observed_to: dt.datetime | None = None,
        page_size: int = 100,
    ) -> Iterator[Measurement]:
        """Every measurement of a key result, newest observed first, fetching page after page."""
        after: str | None = None
        while True:
            page = self.history(
                key_result_id,
                observed_from=observed_from,
                observed_to=observed_to,
                first=page_size,
                after=after,
            )
            yield from page.nodes
            if not page.page_info.has_next_page:
                return
            after = page.page_info.end_cursor
