"""The shapes a synthetic organisation can take: how its teams nest and how its objectives link upward.

The alignment questions cost what the graph's shape makes them cost, not only its size, so the benchmark runs
each size in several shapes (bench/alignment.py `--shapes`):

  flat          today's: teams sit in a business unit; a team objective contributes to its unit's strategy
                (or one of its key results), 5% to a second strategic objective
  deep          few business units; teams nest in chains of sub-teams up to eight deep, and a team objective
                contributes to an objective of its parent team in the same quarter, so chains to strategy are
                up to ten steps long
  many-parents  every aligned team objective contributes to three to five parents: strategy and earlier team
                objectives of its unit
  cross-unit    chains across business units: most team objectives contribute to an earlier team objective of
                another unit, so one chain passes through several units before it reaches strategy

A team objective only ever contributes to one made before it, so no shape has a loop, and the orphans are the
same kind in every shape (about 10% of team objectives, in three ways).
"""

from __future__ import annotations

import random

from graph.seed.synthetic_shape import Row, Size

SHAPES = ("flat", "deep", "many-parents", "cross-unit")
DEEPEST = 8  # sub-team chains in the deep shape


def check_shape(shape: str) -> str:
    """Return `shape`, or raise ValueError naming the known shapes."""
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}: one of {', '.join(SHAPES)}")
    return shape


def size_for(shape: str, teams: int) -> Size:
    """The size of `teams` teams in this shape: as Size.scaled, but the deep shape has a sixth of the units."""
    units = Size.scaled(teams).units
    return Size.scaled(teams, units=max(3, units // 6) if check_shape(shape) == "deep" else units)


def team_parent(shape: str, rng: random.Random, unit: str, previous: str | None, depth: int) -> str:
    """The team (or unit) a new team sits in: its unit, or in the deep shape mostly the previous team."""
    if shape == "deep" and previous is not None and depth < DEEPEST and rng.random() < 0.85:
        return previous
    return unit


class Linker:
    """Picks the parents of one aligned team objective, by shape, from the team objectives made before it."""

    def __init__(self, shape: str, rng: random.Random, unit_of: dict[str, str], parent_of: dict[str, str]):
        self.shape, self.rng = shape, rng
        self.unit_of, self.parent_of = unit_of, parent_of  # team -> its unit; team -> its parent team or unit
        self.by_team_quarter: dict[tuple[str, str], list[Row]] = {}
        self.by_unit_quarter: dict[tuple[str, str], list[Row]] = {}
        self.by_quarter: dict[str, list[Row]] = {}

    def remember(self, row: Row) -> None:
        """Make an aligned team objective available as a parent for later ones."""
        team, quarter = row["ownerId"], row["cycleId"]
        self.by_team_quarter.setdefault((team, quarter), []).append(row)
        self.by_unit_quarter.setdefault((self.unit_of[team], quarter), []).append(row)
        self.by_quarter.setdefault(quarter, []).append(row)

    def parents(self, row: Row, strategy: Row) -> list[Row]:
        """The objectives `row` contributes to, `strategy` being the flat shape's pick."""
        rng, team, quarter = self.rng, row["ownerId"], row["cycleId"]
        if self.shape == "deep":
            above = self.by_team_quarter.get((self.parent_of[team], quarter))
            return [rng.choice(above)] if above else [strategy]
        if self.shape == "many-parents":
            earlier = self.by_unit_quarter.get((self.unit_of[team], quarter), [])
            extra = rng.sample(earlier, min(len(earlier), rng.randint(2, 4)))
            return [strategy, *extra]
        if self.shape == "cross-unit":
            others = [
                o
                for o in self.by_quarter.get(quarter, [])[-200:]
                if self.unit_of[o["ownerId"]] != self.unit_of[team]
            ]
            return [rng.choice(others)] if others and rng.random() < 0.6 else [strategy]
        return [strategy]
