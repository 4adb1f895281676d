"""The sweep's tables: for each alignment question, its GraphQL p50 at every size (columns) and shape (rows),
with the size of its answer, so growth can be read against the answer rather than the organisation."""

from __future__ import annotations

import math

from rich.console import Console
from rich.table import Table

from bench.questions import Question

# The sizes `--sweep` runs: the 500, 5,000 and 50,000 teams.
SWEEP_TEAMS = (500, 5000, 50000)
# One question's run: (question, GraphQL timings, Cypher timings, rows the Cypher answered).
Timed = tuple[Question, list[float], list[float], int]


def percentile(values: list[float], pct: float) -> float:
    """Return the nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def _p50(values: list[float]) -> float:
    return percentile(values, 50)


class Sweep:
    """Every run's results, by (teams, shape)."""

    def __init__(self) -> None:
        self.runs: dict[tuple[int, str], list[Timed]] = {}

    def add(self, teams: int, shape: str, results: list[Timed]) -> None:
        self.runs[(teams, shape)] = results

    def report(self, console: Console) -> None:
        sizes = sorted({teams for teams, _ in self.runs})
        shapes = list(dict.fromkeys(shape for _, shape in self.runs))
        labels = list(dict.fromkeys(timed[0].label for results in self.runs.values() for timed in results))
        console.print(
            "Each cell: GraphQL p50 ms (Cypher p50 ms; rows the Cypher answered); red: over target."
        )
        for label in labels:
            target = next(t[0].target_ms for r in self.runs.values() for t in r if t[0].label == label)
            table = Table(
                title=label + (f" (target {target:.0f} ms)" if target else ""), title_justify="left"
            )
            table.add_column("shape")
            for teams in sizes:
                table.add_column(f"{teams:,} teams", justify="right")
            for shape in shapes:
                cells = []
                for teams in sizes:
                    found = [t for t in self.runs.get((teams, shape), []) if t[0].label == label]
                    if not found:
                        cells.append("-")
                        continue
                    _, graphql, cypher, rows = found[0]
                    late = target is not None and _p50(graphql) > target
                    text = f"{_p50(graphql):.0f} ({_p50(cypher):.0f}; {rows:,})"
                    cells.append(f"[red]{text}" if late else text)
                table.add_row(shape, *cells)
            console.print(table)
