"""Date and DateTime as strawberry reads and writes them, with the format they follow named in the schema
(`@specifiedBy`), so code generators and frontends need not guess."""

from __future__ import annotations

import dataclasses
import datetime as dt

from strawberry.schema.types.base_scalars import DateDefinition, DateTimeDefinition
from strawberry.types.scalar import ScalarDefinition

RFC_3339 = "https://www.rfc-editor.org/rfc/rfc3339#section-5.6"

DATE = dataclasses.replace(
    DateDefinition,
    description="A calendar day, as RFC 3339's full-date (ISO 8601): 2026-01-20.",
    specified_by_url=RFC_3339,
)
DATE_TIME = dataclasses.replace(
    DateTimeDefinition,
    description=(
        "A moment, as RFC 3339's date-time (ISO 8601): 2026-01-20T09:00:00+00:00. Answers carry an offset; "
        "an input that must have one says so."
    ),
    specified_by_url=RFC_3339,
)

# scalar_overrides for strawberry.Schema: the same parsing and output as strawberry's own.
SCALARS: dict[object, ScalarDefinition] = {dt.date: DATE, dt.datetime: DATE_TIME}
