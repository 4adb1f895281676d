"""When to try a request again, and how long to wait first (exponential backoff with full jitter).

Both clients decide with should_retry and wait_or_give_up; only their sleeping differs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import httpx

from aligngraph_client.errors import ServiceUnavailable
from aligngraph_client.operations import is_mutation, read_data

RETRY_CODES = frozenset({"UNAVAILABLE"})  # GraphQL error codes that mean: nothing was done, try again
#: Failures on the way, before or after the service saw the request; the idempotency keys make a resend safe.
RETRY_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


@dataclass(frozen=True)
class RetryPolicy:
    """Try up to `attempts` times in all; wait a random time up to base * 2**n seconds (at most `max_delay`).

    Retrying a push is safe: every value carries an idempotency key from before the first attempt, so a
    value the service stored before the connection broke comes back as DUPLICATE, never twice.
    """

    attempts: int = 5
    base_delay: float = 0.25
    max_delay: float = 10.0

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError("attempts must be at least 1")
        if self.base_delay < 0 or self.max_delay < 0:
            raise ValueError("delays must not be negative")

    def delay(self, attempt: int, response: httpx.Response | None = None) -> float:
        """Seconds to wait after failed attempt number `attempt` (0 for the first); Retry-After wins."""
        after = _retry_after(response)
        if after is not None:
            return min(after, self.max_delay)
        return random.uniform(0, min(self.max_delay, self.base_delay * 2**attempt))


#: One attempt, no retry: for documents that might be applied twice if resent.
ONCE = RetryPolicy(attempts=1)


def policy_for(policy: RetryPolicy, query: str, retry: bool | None) -> RetryPolicy:
    """`policy`, or ONCE when `retry` is False (or None and `query` is a mutation): for one execute().

    A network error or 5xx may come after the service applied a mutation; resending it could apply it
    twice. Pushes are safe to resend (idempotency keys), so push_values passes retry=True.
    """
    if retry is None:
        retry = not is_mutation(query)
    return policy if retry else ONCE


def retryable(response: httpx.Response) -> bool:
    """True for answers that may go away by themselves: overload, 5xx from a proxy or a restarting service."""
    return response.status_code == 429 or response.status_code >= 500


def _retry_after(response: httpx.Response | None) -> float | None:
    if response is None:
        return None
    try:
        return max(0.0, float(response.headers.get("retry-after", "")))
    except ValueError:
        return None


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
