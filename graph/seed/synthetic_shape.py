"""The shape of a synthetic organisation: its size, the ids it uses, and the rows it holds, by kind.

graph/seed/synthetic.py builds the rows, graph/seed/synthetic_load.py loads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]

PREFIX = "syn-"
ORG_ID = "syn-org"
COMPANY_ID = "syn-company"
YEAR_ID = "syn-cycle-2026"
QUARTERS = (("01-01", "03-31"), ("04-01", "06-30"), ("07-01", "09-30"), ("10-01", "12-31"))  # 2026
QUARTER_IDS = tuple(f"{YEAR_ID}-q{n}" for n in range(1, 5))
LABELS = ("Organisation", "Team", "Cycle", "Priority", "Objective", "KeyResult", "Initiative")
# Row kind and the named query that merges it, in an order where every endpoint exists before its edges.
# The first seven are the nodes, in the order of LABELS.
STEPS = (
    ("organisation", "demo/merge_organisation"),
    ("teams", "demo/merge_teams"),
    ("cycles", "demo/merge_cycles"),
    ("priorities", "demo/merge_priorities"),
    ("objectives", "synthetic/merge_objectives"),
    ("key_results", "synthetic/merge_key_results"),
    ("initiatives", "demo/merge_initiatives"),
    ("contributions", "demo/merge_contributions"),
    ("supports", "demo/merge_supports"),
    ("dependencies", "demo/merge_dependencies"),
    ("advances", "demo/merge_advances"),
)


@dataclass(frozen=True)
class Size:
    """How big the organisation is; the defaults are the large one."""

    teams: int = 5000
    units: int = 60
    objectives: int = 20000
    dependencies: int = 8000

    def __post_init__(self) -> None:
        if self.units < 1 or self.teams < 2 * self.units + 1:
            raise ValueError(f"{self.teams} teams cannot fill {self.units} units (need 2 x units + 1)")
        if self.objectives <= self.strategic + self.teams - self.units - 1:
            raise ValueError(f"{self.objectives} objectives are too few: every team needs at least one")
        if self.dependencies < 0:
            raise ValueError("dependencies must not be negative")

    @classmethod
    def scaled(
        cls,
        teams: int,
        *,
        units: int | None = None,
        objectives: int | None = None,
        dependencies: int | None = None,
    ) -> Size:
        """Return a size for `teams` teams, scaling what is not given from the large organisation."""
        ratio = teams / cls.teams
        return cls(
            teams=teams,
            units=units if units is not None else max(3, round(cls.units * ratio)),
            objectives=objectives if objectives is not None else round(cls.objectives * ratio),
            dependencies=dependencies if dependencies is not None else round(cls.dependencies * ratio),
        )

    @property
    def strategic(self) -> int:
        return 3 + 3 * self.units  # three for the company, three per business unit

    @property
    def priorities(self) -> int:
        return min(8, max(3, self.strategic // 3))


@dataclass
class SyntheticOrg:
    """Every row of one synthetic organisation, by row kind (see STEPS)."""

    size: Size
    seed: int
    shape: str = "flat"  # graph/seed/synthetic_shapes.py
    rows: dict[str, list[Row]] = field(default_factory=lambda: {kind: [] for kind, _ in STEPS})

    @property
    def name(self) -> str:
        s = self.size
        shape = "" if self.shape == "flat" else f", {self.shape} shape"
        return (
            f"Synthetic Corp (seed {self.seed}: {s.teams} teams, {s.units} units, {s.objectives} objectives, "
            f"{s.dependencies} dependencies{shape})"
        )

    def counts(self) -> dict[str, int]:
        """Return how many nodes of each label the organisation has."""
        return {label: len(self.rows[kind]) for label, (kind, _) in zip(LABELS, STEPS, strict=False)}

    def steps(self) -> list[tuple[str, list[Row]]]:
        """Return (named query, rows) in loading order."""
        return [(name, self.rows[kind]) for kind, name in STEPS]
