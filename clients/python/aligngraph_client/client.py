"""The blocking client: `with Client(url, token=...) as ag: ag.push_values([...])`.

The policy (batches, content keys, NotFound for a missing key result, paging) sits on `self.api`, the
generated client (aligngraph_client/generated/sync_client.py) with retries (transport.Api).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Any

import httpx

from aligngraph_client import operations as ops
from aligngraph_client.generated.fragments import (
    KeyResult,
    Measurement,
    MeasurementConnection,
    PushItemResult,
    PushResult,
)
from aligngraph_client.generated.input_types import KeyResultValueInput
from aligngraph_client.retry import RetryPolicy
from aligngraph_client.transport import Api


class Client:
    """Talks to one Alignment Graph service over HTTP; retries reads and pushes with backoff.

    `url` is the GraphQL endpoint; `token` an API token (`ag_...`), sent as `Authorization: Bearer`.
    `transport` replaces httpx's own (for proxies, tests). Close it, or use it in a `with` block.
    `api` runs any operation of clients/python/operations/http/ as a typed method (e.g.
    `ag.api.get_key_result(id)`), with the same retries and errors.
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
        self.api = Api(url=url, http=self._http, retry=self.retry)

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
        return self.api.get_data(self.api.execute(query, variables=variables, retry=retry))

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
        for batch in push.batches():
            push.answer(self.api.push_key_result_values(batch, retry=True).push_key_result_values)
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
        return ops.key_result_or_not_found(self.api.get_key_result(id).key_result, id)

    def key_results_by_external_key(self, keys: Sequence[str]) -> dict[str, KeyResult | None]:
        """The key result each externalKey names (None where none of your organisation's has it), in calls
        of 1,000 keys; raise ValidationFailed for a malformed key."""
        wanted = ops.check_keys(keys)
        found: list[KeyResult | None] = []
        for _, batch in ops.batches(wanted, ops.MAX_KEYS):
            found += self.api.key_results_by_external_key(batch).key_results_by_external_key
        return ops.by_key(wanted, found)

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
        answer = self.api.key_result_history(
            key_result_id, first, from_=observed_from, to=observed_to, after=after
        )
        return ops.key_result_or_not_found(answer.key_result, key_result_id).history

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
