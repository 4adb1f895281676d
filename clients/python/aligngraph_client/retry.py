"""When to try a request again, and how long to wait first (exponential backoff with full jitter)."""

from __future__ import annotations

import random
from dataclasses import dataclass

import httpx


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
