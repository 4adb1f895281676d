"""A seeded synthetic organisation of any size, for load tests and benchmarks.

`build(size, seed)` returns every row to load; the same size and seed always give the same rows. Ids start
with `syn-`, so the data sits beside the demo. About 10% of team objectives are orphaned (half contribute to
nothing, the rest to an orphaned team objective or to a strategic objective that supports no priority), the
last priority is supported by nothing, and a few strategic objectives have no team contributor.
graph/seed/synthetic_shape.py holds its size and ids, graph/seed/synthetic_load.py loads the rows and
graph/seed/synthetic_content.py words and numbers them.
"""

from __future__ import annotations

import random
from typing import Any

from graph.core.models import KeyResult
from graph.core.progress import key_result_progress
from graph.seed import synthetic_content as content
from graph.seed.synthetic_shape import (
    COMPANY_ID,
    ORG_ID,
    PREFIX,
    QUARTER_IDS,
    QUARTERS,
    YEAR_ID,
    Row,
    Size,
    SyntheticOrg,
)
from graph.seed.synthetic_shapes import Linker, check_shape, team_parent


def _id(kind: str, n: int, width: int) -> str:
    return f"{PREFIX}{kind}-{n:0{width}d}"


class _Builder:
    """Builds one organisation's rows with its own random generator (never the global one)."""

    def __init__(self, size: Size, seed: int, shape: str) -> None:
        self.size, self.rng, self.org = (
            size,
            random.Random(seed),
            SyntheticOrg(size, seed, check_shape(shape)),
        )
        self.unit_of: dict[str, str] = {}  # TEAM id -> its business unit id
        self.parent_of: dict[str, str] = {}  # TEAM id -> the team or unit it is part of
        self.objective: dict[str, Row] = {}
        self.krs_of: dict[str, list[Row]] = {}

    def add(self, what: str, /, **row: Any) -> Row:
        self.org.rows[what].append(row)
        return row

    def team(self, id: str, name: str, kind: str, parent: str | None) -> str:
        self.add("teams", id=id, name=name, kind=kind, organisationId=ORG_ID, parentId=parent)
        return id

    def cycle(self, id: str, name: str, kind: str, dates: tuple[str, str], parent: str | None) -> None:
        start, end = (f"2026-{day}" for day in dates)
        self.add(
            "cycles",
            id=id,
            name=name,
            kind=kind,
            startDate=start,
            endDate=end,
            parentId=parent,
            organisationId=ORG_ID,
        )

    def structure(self) -> tuple[list[str], list[str]]:
        """Add the organisation, teams, year, quarters and priorities; return (unit ids, TEAM ids)."""
        s, rng = self.size, self.rng
        self.add("organisation", id=ORG_ID, name=self.org.name, vision="Synthetic data at scale, seeded.")
        self.team(COMPANY_ID, "Synthetic Corp", "COMPANY", None)
        units = [_id("bu", i, max(2, len(str(s.units)))) for i in range(1, s.units + 1)]
        per_unit = [1] * s.units
        spread = [rng.uniform(0.5, 1.5) for _ in units]
        for i in rng.choices(range(s.units), spread, k=s.teams - 2 * s.units - 1):
            per_unit[i] += 1
        teams: list[str] = []
        width = max(4, len(str(s.teams)))
        for i, (unit, count) in enumerate(zip(units, per_unit, strict=True)):
            self.team(unit, content.unit_name(i), "BUSINESS_UNIT", COMPANY_ID)
            previous, depth = None, 0
            for number in range(len(teams) + 1, len(teams) + count + 1):
                parent = team_parent(self.org.shape, rng, unit, previous, depth)
                depth = 0 if parent == unit else depth + 1
                name = content.team_name(rng, i, number)
                previous = team = self.team(_id("team", number, width), name, "TEAM", parent)
                self.unit_of[team], self.parent_of[team] = unit, parent
                teams.append(team)
        self.cycle(YEAR_ID, "2026", "YEAR", ("01-01", "12-31"), None)
        for n, dates in enumerate(QUARTERS, 1):
            self.cycle(QUARTER_IDS[n - 1], f"Q{n} 2026", "QUARTER", dates, YEAR_ID)
        for n in range(1, s.priorities + 1):
            title, description = content.priority(n)
            self.add(
                "priorities", id=_id("prio", n, 2), title=title, description=description, cycleId=YEAR_ID
            )
        return units, teams

    def objective_row(self, owner: str, cycle: str, tier: str, rollup: str = "MEAN") -> Row:
        rng = self.rng
        objective_id = _id("obj", len(self.objective) + 1, max(5, len(str(self.size.objectives))))
        statuses = ("ACTIVE", "DRAFT", "COMPLETED", "ARCHIVED")
        status = "ACTIVE" if tier == "STRATEGIC" else rng.choices(statuses, (85, 8, 5, 2))[0]
        row = self.add(
            "objectives",
            id=objective_id,
            title=content.objective_title(rng),
            description=content.objective_description(rng, tier),
            tier=tier,
            status=status,
            confidence=content.confidence(rng),
            rollup=rollup,
            ownerId=owner,
            cycleId=cycle,
        )
        self.objective[objective_id] = row
        return row

    def contribute(
        self, child: str, parent: str, *, weight: float | None = None, counts: bool = True
    ) -> None:
        """Add a CONTRIBUTES_TO edge; without a weight, pick one and let ~10% not count toward progress."""
        if weight is None:
            weight, counts = (1.0 if self.rng.random() < 0.8 else 0.5), self.rng.random() >= 0.1
        self.add("contributions", childId=child, parentId=parent, weight=weight, countsTowardProgress=counts)

    def strategy(self, units: list[str]) -> tuple[list[Row], list[Row]]:
        """Add strategic objectives and SUPPORTS; return (open and supported, open but unsupported) ones."""
        s, rng = self.size, self.rng
        sums = set(rng.sample(range(s.strategic), max(1, round(0.05 * s.strategic))))
        owners = [COMPANY_ID] * 3 + [unit for unit in units for _ in range(3)]
        rows = [
            self.objective_row(owner, YEAR_ID, "STRATEGIC", "SUM" if i in sums else "MEAN")
            for i, owner in enumerate(owners)
        ]
        company = rows[:3]
        # Never a unit's first objective, so every unit keeps one that is open and supported.
        later = [row["id"] for i, row in enumerate(rows[3:]) if i % 3]
        special = rng.sample(later, 2 * max(1, round(0.04 * len(later))))
        unsupported, closed = set(special[::2]), set(special[1::2])  # closed: no team contributes
        supported = s.priorities - 1  # the last priority is supported by nothing
        for i, row in enumerate(rows):
            if row["id"] in unsupported:
                continue
            # The company's objectives and each unit's first one cover every supported priority.
            first = i < 3 or i % 3 == 0
            priority = (i if i < 3 else 2 + i // 3) % supported if first else rng.randrange(supported)
            self.add("supports", objectiveId=row["id"], priorityId=_id("prio", priority + 1, 2))
            if i >= 3 and rng.random() < 0.4:
                self.contribute(row["id"], rng.choice(company)["id"], weight=1.0)
        aligned = [row for row in rows[3:] if row["id"] not in unsupported | closed]
        return aligned, [row for row in rows if row["id"] in unsupported]

    def team_objectives(self, teams: list[str]) -> list[Row]:
        """Add quarterly TEAM objectives, at least one per team, in quarters drawn evenly."""
        rng, s = self.rng, self.size
        per_team = [1] * len(teams)
        for i in rng.choices(range(len(teams)), k=s.objectives - s.strategic - len(teams)):
            per_team[i] += 1
        return [
            self.objective_row(team, QUARTER_IDS[quarter], "TEAM")
            for team, count in zip(teams, per_team, strict=True)
            for quarter in sorted(rng.randrange(4) for _ in range(count))
        ]

    def key_results(self) -> None:
        """Add ~3 KRs per objective with their progress, computed by graph.core.progress."""
        rng = self.rng
        width = max(6, len(str(3 * self.size.objectives)))
        for objective_id in self.objective:
            for _ in range(rng.choice((2, 3, 3, 3, 4))):
                kr_id = _id("kr", len(self.org.rows["key_results"]) + 1, width)
                weight = 1.0 if rng.random() < 0.9 else 2.0
                row = self.add(
                    "key_results", id=kr_id, objectiveId=objective_id, weight=weight, **content.measure(rng)
                )
                row["progress"] = key_result_progress(KeyResult.from_row(row))
                self.krs_of.setdefault(objective_id, []).append(row)

    def alignment(self, team_rows: list[Row], aligned: list[Row], unsupported: list[Row]) -> None:
        """Link team objectives upward; 10% stay orphaned in one of three ways."""
        rng = self.rng
        orphans = rng.sample(team_rows, round(0.10 * len(team_rows)))
        bare = orphans[: len(orphans) // 2]  # contribute to nothing at all
        for row in orphans[len(orphans) // 2 :]:
            peers = [o for o in bare if o["cycleId"] == row["cycleId"] and o["ownerId"] != row["ownerId"]]
            parent = rng.choice(peers) if peers and rng.random() < 0.5 else rng.choice(unsupported)
            self.contribute(row["id"], parent["id"])
        own: dict[str, list[Row]] = {}
        for row in aligned:
            own.setdefault(row["ownerId"], []).append(row)
        orphan_ids = {row["id"] for row in orphans}
        linker = Linker(self.org.shape, rng, self.unit_of, self.parent_of)
        for row in team_rows:
            if row["id"] in orphan_ids:
                continue
            roll = rng.random()  # 75% own unit's objective, 12% one of its KRs, 13% another unit's
            parent = rng.choice(own[self.unit_of[row["ownerId"]]] if roll < 0.87 else aligned)
            for target in linker.parents(row, parent):
                # To a key result of it, as often as in the flat shape.
                use_kr = roll >= 0.75 and target is parent
                self.contribute(
                    row["id"], rng.choice(self.krs_of[target["id"]])["id"] if use_kr else target["id"]
                )
            linker.remember(row)
            second = rng.choice(aligned)
            if rng.random() < 0.05 and second is not parent:
                self.contribute(row["id"], second["id"], weight=0.5)

    def dependencies(self, team_rows: list[Row]) -> None:
        """Add DEPENDS_ON across teams, mostly KR to KR in one quarter; ~30% pick a target that is behind."""
        rng, wanted = self.rng, self.size.dependencies
        pools: dict[tuple[str, str, str | None], list[Row]] = {}
        owner: dict[str, str] = {}
        quarter_of: dict[str, str] = {}
        for objective in team_rows:
            unit, quarter = self.unit_of[objective["ownerId"]], objective["cycleId"]
            for item in (objective, *self.krs_of[objective["id"]]):
                kind = "kr" if "objectiveId" in item else "obj"
                pools.setdefault((kind, quarter, None), []).append(item)
                pools.setdefault((kind, quarter, unit), []).append(item)
                owner[item["id"]], quarter_of[item["id"]] = objective["ownerId"], quarter
        seen: set[tuple[str, str]] = set()
        kinds = (("kr", "kr"), ("obj", "kr"), ("kr", "obj"), ("obj", "obj"))
        for _ in range(40 * wanted):
            if len(seen) == wanted:
                break
            from_kind, to_kind = rng.choices(kinds, (80, 10, 5, 5))[0]
            sources = pools.get((from_kind, rng.choice(QUARTER_IDS), None))
            if not sources:
                continue
            source = rng.choice(sources)
            quarter = quarter_of[source["id"]] if rng.random() < 0.9 else rng.choice(QUARTER_IDS)
            same_unit = self.unit_of[owner[source["id"]]] if rng.random() < 0.5 else None
            pool = pools.get((to_kind, quarter, same_unit)) or pools.get((to_kind, quarter, None))
            if not pool:
                continue
            candidates = rng.choices(pool, k=5 if rng.random() < 0.3 else 1)
            target = min(candidates, key=lambda c: 2.0 if c.get("progress") is None else c["progress"])
            pair = (source["id"], target["id"])
            if owner[pair[0]] != owner[pair[1]] and pair not in seen:
                seen.add(pair)
                self.add("dependencies", fromId=pair[0], toId=pair[1], note=content.note(rng))

    def initiatives(self) -> None:
        """Add one initiative per three KRs, each advancing a KR (sometimes two of one objective)."""
        rng, krs = self.rng, self.org.rows["key_results"]
        width = max(5, len(str(len(krs) // 3)))
        statuses = ("PLANNED", "IN_PROGRESS", "DONE", "CANCELLED")
        for n in range(1, len(krs) // 3 + 1):
            init = self.add(
                "initiatives",
                id=_id("init", n, width),
                title=content.initiative_title(rng, n),
                url=f"https://tracker.example.com/SYN-{n}",
                status=rng.choices(statuses, (30, 45, 20, 5))[0],
                organisationId=ORG_ID,
            )
            kr = rng.choice(krs)
            advanced = {kr["id"]}
            if rng.random() < 0.15:
                advanced.add(rng.choice(self.krs_of[kr["objectiveId"]])["id"])
            for kr_id in sorted(advanced):
                self.add("advances", initiativeId=init["id"], keyResultId=kr_id)


def build(size: Size, seed: int, shape: str = "flat") -> SyntheticOrg:
    """Return every row of the organisation of this size, seed and shape; the same inputs give the same rows."""
    builder = _Builder(size, seed, shape)
    units, teams = builder.structure()
    aligned, unsupported = builder.strategy(units)
    team_rows = builder.team_objectives(teams)
    builder.key_results()
    builder.alignment(team_rows, aligned, unsupported)
    builder.dependencies(team_rows)
    builder.initiatives()
    return builder.org
