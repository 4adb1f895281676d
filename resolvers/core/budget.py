"""What each token may spend in a window, and the extension that prices, refuses and charges operations.

A token's budget is spent by what answers actually hold (their fields, as Shopify refunds the difference),
never more than the operation's requested cost (resolvers/core/cost.py); once a window's budget is spent,
operations are RATE_LIMITED until it ends. Budgets live in the process, like the token cache: behind a load
balancer each process keeps its own.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from graphql import ExecutionResult, GraphQLError
from strawberry.extensions import SchemaExtension

from graph.core.errors import DomainError
from resolvers.core.cost import CostLimitError, CostLimits, answer_cost, requested_cost
from resolvers.core.limits import chosen_operation


class RateLimitedError(DomainError):
    code = "RATE_LIMITED"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message, field="token", value=retry_after)
        # Shown as extensions.retryAfter, and as the HTTP answer's Retry-After header (api/graphql.py).
        self.extensions = {"retryAfter": retry_after}


@dataclass
class _Window:
    ends: float
    spent: int = 0


class Budgets:
    """Each token's spending in the current fixed window (a window starts with a token's first operation)."""

    def __init__(self, limits: CostLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self.windows: dict[str, _Window] = {}

    def window(self, key: str) -> _Window:
        now = self.clock()
        found = self.windows.get(key)
        if found is None or found.ends <= now:
            if len(self.windows) > 10_000:  # forget windows that are over, so the map stays small
                self.windows = {k: w for k, w in self.windows.items() if w.ends > now}
            found = self.windows[key] = _Window(ends=now + self.limits.window_seconds)
        return found

    def check(self, key: str) -> None:
        """RATE_LIMITED when this window's budget is spent."""
        if self.limits.budget <= 0:
            return
        window = self.window(key)
        if window.spent >= self.limits.budget:
            wait = max(1, math.ceil(window.ends - self.clock()))
            raise RateLimitedError(
                f"This token has spent its budget of {self.limits.budget:,} (AG_RATE_LIMIT) for "
                f"{self.limits.window_seconds:g} s; retry in {wait} s",
                retry_after=wait,
            )

    def spend(self, key: str, cost: int) -> dict[str, Any] | None:
        """Charge `cost`; what is left of the budget, for extensions.cost (None without a rate limit)."""
        if self.limits.budget <= 0:
            return None
        window = self.window(key)
        window.spent += cost
        return {
            "limit": self.limits.budget,
            "remaining": max(0, self.limits.budget - window.spent),
            "resetInSeconds": max(0, math.ceil(window.ends - self.clock())),
        }


class CostChecks(SchemaExtension):
    """Before an operation runs (its token checked already): its requested cost within AG_MAX_QUERY_COST,
    else COST_LIMIT, and its token's budget not spent, else RATE_LIMITED. After: the token charged, and
    the cost in every answer's `extensions.cost`."""

    def __init__(self, limits: CostLimits, budgets: Budgets) -> None:
        super().__init__()
        self.limits, self.budgets = limits, budgets
        # requested and actual stay null for a document refused before it could be priced (syntax, limits).
        self.cost: dict[str, Any] = {"requested": None, "actual": None, "limit": limits.max_cost}

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        document = ctx.graphql_document
        operation = chosen_operation(document, ctx.operation_name) if document and not ctx.result else None
        if document is None or operation is None:  # refused already (a bad token), or nothing to run
            yield
            return
        requested = requested_cost(ctx.schema._schema, document, operation, ctx.variables, self.limits)
        self.cost["requested"] = requested
        key = _budget_key(ctx.context)
        try:
            if requested > self.limits.max_cost:
                raise CostLimitError(
                    f"This operation may cost {requested:,}, over the limit of {self.limits.max_cost:,} "
                    "(AG_MAX_QUERY_COST): the fields its answer can hold, times first/last of each list "
                    f"and {self.limits.list_size} for other lists. Ask for smaller pages or fewer fields",
                    field="cost",
                    value=requested,
                )
            self.budgets.check(key)
        except DomainError as exc:
            self.cost["actual"] = 0
            ctx.result = ExecutionResult(data=None, errors=[GraphQLError(exc.message, original_error=exc)])
            yield
            return
        yield
        result = ctx.result
        # A subscription's events are not priced one by one: it is charged what it asked for, once.
        actual = (
            answer_cost(result.data, at_most=requested) if isinstance(result, ExecutionResult) else requested
        )
        self.cost["actual"] = actual
        budget = self.budgets.spend(key, max(1, actual))
        if budget is not None:
            self.cost["budget"] = budget

    def get_results(self) -> dict[str, Any]:
        return {"cost": self.cost}


def _budget_key(context: Any) -> str:
    """Whose budget an operation spends: its token's; without one, its client address's."""
    principal = getattr(context, "principal", None)
    if principal is not None:
        return f"token:{principal.token_id}"
    request = getattr(context, "request", None)
    client = getattr(request, "client", None)
    return f"address:{client.host if client else 'unknown'}"


def cost_checks(limits: CostLimits) -> Callable[[], CostChecks]:
    """The CostChecks extension for one schema: its budgets are shared by every operation it runs."""
    budgets = Budgets(limits)
    return lambda: CostChecks(limits, budgets)
