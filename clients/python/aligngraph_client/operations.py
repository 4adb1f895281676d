"""What the sync and async clients share, without I/O: idempotency keys, batching, reading responses.

When to retry and how long to wait lives in retry.py; the clients only send, sleep and loop.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel

from aligngraph_client.errors import Forbidden, HTTPError, NotFound, Unauthenticated, from_errors
from aligngraph_client.generated.fragments import KeyResult, PushResult, PushResultItems
from aligngraph_client.generated.input_types import KeyResultValueInput

DEFAULT_URL = "http://127.0.0.1:8000/graphql"
MAX_BATCH = 10_000  # the service takes at most this many values per call
DEFAULT_BATCH = 1_000
MAX_KEYS = 1_000  # keyResultsByExternalKey takes at most this many keys per call

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

#: Called after each batch with the number of values sent so far and the total.
Progress = Callable[[int, int], None]


# The prefix `aligngraph push` has given its keys from the start: files pushed before stay DUPLICATE.
CONTENT_KEY_PREFIX = "row:"


def content_key(value: KeyResultValueInput) -> str:
    """The idempotency key of a value without one, made from what it says: the key result (its id or its
    externalKey), the value, when it was observed (in UTC) and its source. The same value pushed again, by
    a re-run job or by `aligngraph push`, gets the same key, so the service answers DUPLICATE."""
    content = [
        value.key_result_id,
        value.external_key,
        repr(float(value.value)),
        value.observed_at.astimezone(dt.UTC).isoformat(),
        value.source,
    ]
    digest = hashlib.sha256(json.dumps(content, separators=(",", ":")).encode()).hexdigest()
    return CONTENT_KEY_PREFIX + digest[:40]


def replaced(model: M, **changes: Any) -> M:
    """A copy of a model with some fields changed, validated again (pydantic-core: faster than model_copy,
    which copies every field's value, for the 10,000 values of a push) and with the same fields set."""
    fields = {name: model.__dict__[name] for name in model.model_fields_set}
    return type(model).model_validate(fields | changes)


def with_key(value: KeyResultValueInput) -> KeyResultValueInput:
    """The value, with content_key as its idempotency key when it has none."""
    if value.idempotency_key is not None:
        return value
    return replaced(value, idempotency_key=content_key(value))


def prepare_values(values: Sequence[KeyResultValueInput]) -> list[KeyResultValueInput]:
    """The values, each with an idempotency key before any attempt (content_key for those without one), so a
    retry, or the same job run again, stores nothing twice."""
    prepared = []
    for value in values:
        if not isinstance(value, KeyResultValueInput):
            raise TypeError(f"push_values takes KeyResultValueInput items, got {type(value).__name__}")
        prepared.append(with_key(value))
    return prepared


def check_batch_size(batch_size: int) -> int:
    if not 1 <= batch_size <= MAX_BATCH:
        raise ValueError(f"batch_size must be between 1 and {MAX_BATCH}, got {batch_size}")
    return batch_size


def batches(prepared: list[T], batch_size: int) -> Iterator[tuple[int, list[T]]]:
    """(offset, values) for each call, in order."""
    for offset in range(0, len(prepared), batch_size):
        yield offset, prepared[offset : offset + batch_size]


def combine(parts: list[tuple[int, PushResult]]) -> PushResult:
    """One result for the whole push: counts added up, items indexed into the caller's list."""
    items: list[PushResultItems] = []
    for offset, part in parts:
        for item in part.items:  # parsed from the answer just now: no one else holds them
            item.index += offset
        items += part.items
    return PushResult.model_construct(
        accepted=sum(part.accepted for _, part in parts),
        duplicates=sum(part.duplicates for _, part in parts),
        rejected=sum(part.rejected for _, part in parts),
        items=items,
    )


class PushCalls:
    """One push_values call without its I/O: the values of each GraphQL call, then one result.

    push = PushCalls(values, batch_size, progress)
    for batch in push.batches():
        push.answer(api.push_key_result_values(batch, retry=True).push_key_result_values)  # then the next
    return push.result()
    """

    def __init__(self, values: Sequence[KeyResultValueInput], batch_size: int, progress: Progress | None):
        self._size = check_batch_size(batch_size)
        self._values = prepare_values(values)
        self._progress = progress
        self._parts: list[tuple[int, PushResult]] = []
        self._sent = (0, 0)  # offset and length of the batch last handed out

    def batches(self) -> Iterator[list[KeyResultValueInput]]:
        for offset, batch in batches(self._values, self._size):
            self._sent = (offset, len(batch))
            yield batch

    def answer(self, part: PushResult) -> None:
        """Take the result of the call made with the batch handed out last."""
        offset, length = self._sent
        self._parts.append((offset, part))
        if self._progress is not None:
            self._progress(offset + length, len(self._values))

    def result(self) -> PushResult:
        return combine(self._parts)


def one_value(
    *,
    value: float,
    source: str,
    key_result_id: str | None,
    external_key: str | None,
    observed_at: dt.datetime | None,
    idempotency_key: str | None,
) -> KeyResultValueInput:
    """The input of push_value: one value, observed now unless told."""
    return KeyResultValueInput(
        value=value,
        source=source,
        key_result_id=key_result_id,
        external_key=external_key,
        observed_at=observed_at or dt.datetime.now(dt.UTC),
        idempotency_key=idempotency_key,
    )


# Strings (block strings first), comments, braces and names: enough of GraphQL's lexer for keywords.
_TOKENS = re.compile(r'"""(?:\\"""|[^"]|"(?!""))*"""|"(?:\\.|[^"\\\n])*"|#[^\n]*|[{}]|[_A-Za-z][_0-9A-Za-z]*')


def is_mutation(query: str) -> bool:
    """True when the document defines a mutation: the keyword `mutation` outside every selection set.

    Fields, arguments, strings and comments that say "mutation" do not count (no graphql-core needed).
    """
    depth = 0
    for token in _TOKENS.findall(query):
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(0, depth - 1)
        elif depth == 0 and token == "mutation":
            return True
    return False


def headers(token: str | None, extra: dict[str, str] | None) -> dict[str, str]:
    from aligngraph_client import __version__

    base = {"user-agent": f"aligngraph-client/{__version__}", "accept": "application/json"}
    if token:
        base["authorization"] = f"Bearer {token}"
    return base | (extra or {})


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


def key_result_or_not_found(found: T | None, key_result_id: str) -> T:
    """The key result an answer holds; NotFound, as the service words it, when it is null."""
    if found is None:
        raise NotFound(
            f"No key result with id {key_result_id!r}",
            code="NOT_FOUND",
            field="id",
            value=key_result_id,
            errors=[],
        )
    return found


def check_keys(keys: Sequence[str]) -> list[str]:
    """The keys of a lookup as a list (a lone string would be read as its characters)."""
    if isinstance(keys, str):
        raise TypeError("key_results_by_external_key takes a list of keys, not one string")
    return list(keys)


def by_key(keys: list[str], found: Sequence[KeyResult | None]) -> dict[str, KeyResult | None]:
    """Each key with the key result it names, None where it names none."""
    return dict(zip(keys, found, strict=True))
