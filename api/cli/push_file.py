"""Read key-result values from CSV or JSON lines for `aligngraph push`, with errors naming line and field."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from aligngraph_client import KeyResultValueInput, content_key

FIELDS = ("keyResultId", "externalKey", "value", "observedAt", "source", "idempotencyKey")


class Format(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


EXTENSIONS = {".csv": Format.csv, ".jsonl": Format.jsonl, ".ndjson": Format.jsonl, ".json": Format.jsonl}


@dataclass(frozen=True)
class Row:
    """One value to push and the line of the file it came from."""

    line: int
    value: KeyResultValueInput

    @property
    def target(self) -> str:
        """The key result as the file names it."""
        if self.value.key_result_id is not None:
            return f"keyResultId {self.value.key_result_id}"
        return f"externalKey {self.value.external_key}"


class RowError(ValueError):
    """A line of the file that cannot be pushed, and why."""

    def __init__(self, line: int, field: str | None, message: str) -> None:
        super().__init__(f"line {line}: {field + ': ' if field else ''}{message}")
        self.line = line
        self.field = field


def guess_format(name: str, text: str) -> Format:
    """The format by the file's extension, else by its first character ('{' means JSON lines)."""
    for extension, found in EXTENSIONS.items():
        if name.lower().endswith(extension):
            return found
    return Format.jsonl if text.lstrip().startswith("{") else Format.csv


def read_rows(
    text: str, fmt: Format, *, default_source: str | None = None
) -> tuple[list[Row], list[RowError]]:
    """Every row of the file that can be pushed, and an error for every one that cannot."""
    rows: list[Row] = []
    errors: list[RowError] = []
    records = _csv_records(text) if fmt is Format.csv else _json_records(text)
    for line, record in records:
        try:
            if isinstance(record, RowError):
                raise record
            rows.append(Row(line=line, value=_value(line, record, default_source)))
        except RowError as error:
            errors.append(error)
    return rows, errors


def _csv_records(text: str) -> list[tuple[int, dict[str, Any] | RowError]]:
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    header = reader.fieldnames or []
    unknown = [name for name in header if name not in FIELDS]
    if unknown:
        return [(1, RowError(1, None, f"unknown column {unknown[0]!r} (columns: {', '.join(FIELDS)})"))]
    missing = [name for name in ("value", "observedAt") if name not in header]
    if not {"keyResultId", "externalKey"} & set(header):
        missing.insert(0, "keyResultId or externalKey")
    if missing:
        return [(1, RowError(1, None, f"the header row lacks {', '.join(missing)}"))]
    records: list[tuple[int, dict[str, Any] | RowError]] = []
    for record in reader:
        if None in record:
            records.append((reader.line_num, RowError(reader.line_num, None, "more cells than columns")))
            continue
        records.append(
            (reader.line_num, {key: cell for key, cell in record.items() if cell not in ("", None)})
        )
    return records


def _json_records(text: str) -> list[tuple[int, dict[str, Any] | RowError]]:
    records: list[tuple[int, dict[str, Any] | RowError]] = []
    for line, raw in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            records.append((line, RowError(line, None, f"not JSON ({exc.msg})")))
            continue
        if not isinstance(record, dict):
            records.append((line, RowError(line, None, "each line must be a JSON object")))
            continue
        unknown = [key for key in record if key not in FIELDS]
        if unknown:
            message = f"unknown field {unknown[0]!r} (fields: {', '.join(FIELDS)})"
            records.append((line, RowError(line, unknown[0], message)))
            continue
        records.append((line, {key: item for key, item in record.items() if item is not None}))
    return records


def _text(line: int, record: dict[str, Any], field: str) -> str | None:
    item = record.get(field)
    if item is None:
        return None
    if not isinstance(item, str) or not item.strip():
        raise RowError(line, field, f"must be a non-empty string, got {item!r}")
    return item.strip()


def _number(line: int, record: dict[str, Any]) -> float:
    item = record.get("value")
    if item is None:
        raise RowError(line, "value", "is missing")
    try:
        if isinstance(item, bool):
            raise ValueError
        number = float(item)
    except (TypeError, ValueError):
        raise RowError(line, "value", f"{item!r} is not a number") from None
    if not math.isfinite(number):
        raise RowError(line, "value", f"{item!r} is not a finite number")
    return number


def _time(line: int, record: dict[str, Any]) -> dt.datetime:
    item = _text(line, record, "observedAt")
    if item is None:
        raise RowError(line, "observedAt", "is missing")
    try:
        when = dt.datetime.fromisoformat(item)
    except ValueError:
        raise RowError(line, "observedAt", f"{item!r} is not an ISO 8601 time") from None
    if when.tzinfo is None:
        raise RowError(line, "observedAt", f"{item!r} has no time zone (e.g. 2025-03-31T09:00:00Z)")
    return when


def _value(line: int, record: dict[str, Any], default_source: str | None) -> KeyResultValueInput:
    key_result_id = _text(line, record, "keyResultId")
    external_key = _text(line, record, "externalKey")
    if (key_result_id is None) == (external_key is None):
        which = "give only one of" if key_result_id else "is missing: give"
        raise RowError(line, "keyResultId", f"{which} keyResultId or externalKey")
    number = _number(line, record)
    observed_at = _time(line, record)
    source = _text(line, record, "source") or default_source
    if source is None:
        raise RowError(line, "source", "is missing (or pass --source)")
    key = _text(line, record, "idempotencyKey")
    value = KeyResultValueInput(
        value=number,
        observed_at=observed_at,
        source=source,
        key_result_id=key_result_id,
        external_key=external_key,
        idempotency_key=key,
    )
    return value if key is not None else value.model_copy(update={"idempotency_key": content_key(value)})
