"""`aligngraph cypher run`'s table: floats rounded, and folded into one block per row when too wide."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

Row = dict[str, Any]
# Floats in a table show this many decimals at most (0.3333333 -> 0.3333); csv and json keep every digit.
DECIMALS = 4


def rounded(value: Any) -> Any:
    """`value` with every float in it rounded for reading."""
    if isinstance(value, float):
        return round(value, DECIMALS)
    if isinstance(value, list):
        return [rounded(item) for item in value]
    if isinstance(value, dict):
        return {key: rounded(item) for key, item in value.items()}
    return value


def cell(value: Any) -> str:
    """One value as table text: strings as they are, the rest as JSON, floats rounded."""
    if value is None:
        return ""
    value = rounded(value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _natural_width(keys: list[str], cells: list[list[str]]) -> int:
    """The width a table needs to show every cell on one line: widest cell per column plus borders."""
    widths = [
        max([len(key), *(len(line) for row in cells for line in row[i].splitlines() or [""])])
        for i, key in enumerate(keys)
    ]
    return sum(widths) + 3 * len(keys) + 1


def print_table(console: Console, keys: list[str], rows: list[Row], *, fold: bool | None) -> None:
    """A table when the columns fit the terminal (or --no-fold), otherwise one block per row."""
    cells = [[cell(row[key]) for key in keys] for row in rows]
    if fold is None:
        fold = _natural_width(keys, cells) > console.width
    if not fold:
        table = Table(*keys, caption=f"{len(rows)} row(s)")
        for texts in cells:
            table.add_row(*(Text(text) for text in texts))
        console.print(table)
        return
    label = max((len(key) for key in keys), default=0)
    for number, texts in enumerate(cells, start=1):
        console.print(Text(f"-- row {number} --", style="bold"))
        for key, text in zip(keys, texts, strict=True):
            console.print(Text(f"{key.rjust(label)}: {text}"), soft_wrap=True)
    console.print(Text(f"{len(rows)} row(s)"))
