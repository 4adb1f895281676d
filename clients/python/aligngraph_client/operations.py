"""What the sync and async clients share: the GraphQL documents, batching, and reading responses."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import httpx

from aligngraph_client.errors import Forbidden, HTTPError, ServiceUnavailable, Unauthenticated, from_errors
from aligngraph_client.retry import RetryPolicy, retryable
from aligngraph_client.types import KeyResult, KeyResultValueInput, MeasurementConnection, PushResult

DEFAULT_URL = "http://127.0.0.1:8000/graphql"
MAX_BATCH = 10_000  # the service takes at most this many values per call
DEFAULT_BATCH = 1_000
RETRY_CODES = frozenset({"UNAVAILABLE"})  # GraphQL error codes that mean: nothing was done, try again
#: Failures on the way, before or after the service saw the request; the idempotency keys make a resend safe.
RETRY_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)

PUSH = (
    "mutation PushKeyResultValues($values: [KeyResultValueInput!]!) "
    f"{{ pushKeyResultValues(values: $values) {{ {PushResult.SELECTION} }} }}"
)
KEY_RESULT = f"query KeyResult($id: ID!) {{ keyResult(id: $id) {{ {KeyResult.SELECTION} }} }}"
HISTORY = (
    "query KeyResultHistory($id: ID!, $from: DateTime, $to: DateTime, $first: Int!, $after: String) "
    "{ keyResult(id: $id) { history(from: $from, to: $to, first: $first, after: $after) "
    f"{{ {MeasurementConnection.SELECTION} }} }} }}"
)
DOCUMENTS = {"PushKeyResultValues": PUSH, "KeyResult": KEY_RESULT, "KeyResultHistory": HISTORY}

#: Called after each batch with the number of values sent so far and the total.
Progress = Callable[[int, int], None]


def new_idempotency_key() -> str:
    return f"agc:{uuid.uuid4()}"


def prepare_values(values: Sequence[KeyResultValueInput]) -> list[dict[str, Any]]:
    """The values as GraphQL variables, each with an idempotency key made now, before any attempt.

    A retried request resends the very same keys, so the service answers DUPLICATE for what it stored.
    """
    prepared = []
    for value in values:
        if not isinstance(value, KeyResultValueInput):
            raise TypeError(f"push_values takes KeyResultValueInput items, got {type(value).__name__}")
        if value.idempotency_key is None:
            value = dataclasses.replace(value, idempotency_key=new_idempotency_key())
        prepared.append(value.to_json())
    return prepared


def check_batch_size(batch_size: int) -> int:
    if not 1 <= batch_size <= MAX_BATCH:
        raise ValueError(f"batch_size must be between 1 and {MAX_BATCH}, got {batch_size}")
    return batch_size


def batches(prepared: list[dict[str, Any]], batch_size: int) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """(offset, values) for each call, in order."""
    for offset in range(0, len(prepared), batch_size):
        yield offset, prepared[offset : offset + batch_size]


def combine(parts: list[tuple[int, PushResult]]) -> PushResult:
    """One result for the whole push: counts added up, items indexed into the caller's list."""
    items = [
        dataclasses.replace(item, index=item.index + offset) for offset, part in parts for item in part.items
    ]
    return PushResult(
        accepted=sum(part.accepted for _, part in parts),
        duplicates=sum(part.duplicates for _, part in parts),
        rejected=sum(part.rejected for _, part in parts),
        items=items,
    )


def history_variables(
    key_result_id: str,
    observed_from: dt.datetime | None,
    observed_to: dt.datetime | None,
    first: int,
    after: str | None,
) -> dict[str, Any]:
    return {
        "id": key_result_id,
        "from": observed_from.isoformat() if observed_from else None,
        "to": observed_to.isoformat() if observed_to else None,
        "first": first,
        "after": after,
    }


def request_body(query: str, variables: dict[str, Any] | None) -> dict[str, Any]:
    return {"query": query, "variables": variables or {}}


def headers(token: str | None, extra: dict[str, str] | None) -> dict[str, str]:
    from aligngraph_client import __version__

    base = {"user-agent": f"aligngraph-client/{__version__}", "accept": "application/json"}
    if token:
        base["authorization"] = f"Bearer {token}"
    return base | (extra or {})


def unavailable_errors(response: httpx.Response) -> bool:
    """True when the service answered that it could do nothing for now (e.g. Neo4j is restarting)."""
    try:
        body = response.json()
    except ValueError:
        return False
    errors = body.get("errors") if isinstance(body, dict) else None
    if not isinstance(errors, list) or not errors:
        return False
    return all(isinstance(e, dict) and (e.get("extensions") or {}).get("code") in RETRY_CODES for e in errors)


def should_retry(response: httpx.Response) -> bool:
    return retryable(response) or unavailable_errors(response)


def wait_or_give_up(
    policy: RetryPolicy,
    attempt: int,
    *,
    response: httpx.Response | None = None,
    error: Exception | None = None,
) -> float:
    """Seconds to wait before attempt `attempt + 1`; after the last attempt, raise what went wrong."""
    if attempt + 1 < policy.attempts:
        return policy.delay(attempt, response)
    if response is None:
        raise ServiceUnavailable(
            f"could not reach the service in {policy.attempts} attempts: {error!r}"
        ) from error
    if unavailable_errors(response):
        read_data(response)  # raises the service's own error
    raise ServiceUnavailable(
        f"HTTP {response.status_code} in each of {policy.attempts} attempts: {response.text[:300]}",
        status_code=response.status_code,
    )


def read_data(response: httpx.Response) -> dict[str, Any]:
    """The `data` of a GraphQL response; raise the typed error for its `errors`."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict) and body.get("errors"):
        raise from_errors(body["errors"])
    status = response.status_code
    if status == 401:
        raise Unauthenticated("HTTP 401", code="UNAUTHENTICATED", field=None, value=None, errors=[])
    if status == 403:
        raise Forbidden("HTTP 403", code="FORBIDDEN", field=None, value=None, errors=[])
    if status >= 400 or not isinstance(body, dict) or not isinstance(body.get("data"), dict):
        raise HTTPError(
            f"HTTP {status} from {response.request.url}: {response.text[:300]}", status_code=status
        )
    data: dict[str, Any] = body["data"]
    return data


def not_found(key_result_id: str) -> dict[str, Any]:
    """The keyword arguments of NotFound for a key result id, as the service words them."""
    return {"code": "NOT_FOUND", "field": "id", "value": key_result_id, "errors": []}
