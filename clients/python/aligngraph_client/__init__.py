"""Typed Python client for Alignment Graph: push key-result values, read key results and their history.

with Client("http://127.0.0.1:8000/graphql", token="ag_...") as ag:
    value = KeyResultValueInput(value=42.0, observed_at=now, source="ci", key_result_id="kr-1")
    result = ag.push_values([value])
"""

from aligngraph_client.async_client import AsyncClient
from aligngraph_client.client import Client
from aligngraph_client.errors import (
    AlignGraphError,
    Conflict,
    Forbidden,
    GraphQLError,
    HTTPError,
    NotFound,
    ServiceUnavailable,
    Unauthenticated,
    ValidationFailed,
)
from aligngraph_client.generated.enums import Direction, KeyResultKind, PushReason, PushStatus, UpdateCause
from aligngraph_client.generated.fragments import (
    KeyResult,
    KeyResultUpdate,
    Measurement,
    MeasurementConnection,
    PageInfo,
    PushItemResult,
    PushResult,
)
from aligngraph_client.generated.input_types import KeyResultValueInput
from aligngraph_client.operations import DEFAULT_BATCH, DEFAULT_URL, MAX_BATCH, MAX_KEYS, content_key
from aligngraph_client.retry import RetryPolicy

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_BATCH",
    "DEFAULT_URL",
    "MAX_BATCH",
    "MAX_KEYS",
    "AlignGraphError",
    "AsyncClient",
    "Client",
    "Conflict",
    "Direction",
    "Forbidden",
    "GraphQLError",
    "HTTPError",
    "KeyResult",
    "KeyResultKind",
    "KeyResultUpdate",
    "KeyResultValueInput",
    "Measurement",
    "MeasurementConnection",
    "NotFound",
    "PageInfo",
    "PushItemResult",
    "PushReason",
    "PushResult",
    "PushStatus",
    "RetryPolicy",
    "ServiceUnavailable",
    "Unauthenticated",
    "UpdateCause",
    "ValidationFailed",
    "__version__",
    "content_key",
]
