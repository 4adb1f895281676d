"""The alignment tree below a priority or objective, and the chains from an objective up to strategy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graph.core.db import Database
from graph.core.errors import ValidationError, not_found
from graph.core.history import values_on
from graph.core.models import Tier

MAX_DEPTH = 8


class NodeKind(StrEnum):
    PRIORITY = "PRIORITY"
    OBJECTIVE = "OBJECTIVE"
    KEY_RESULT = "KEY_RESULT"
    INITIATIVE = "INITIATIVE"


class EdgeType(StrEnum):
    SUPPORTS = "SUPPORTS"
    CONTRIBUTES_TO = "CONTRIBUTES_TO"
    HAS_KEY_RESULT = "HAS_KEY_RESULT"
    ADVANCES = "ADVANCES"


@dataclass(frozen=True)
class TreeNode:
    """A priority, objective, key result or initiative in the tree, with what a map shows of it."""

    id: str
    kind: NodeKind
    title: str
    tier: Tier | None
    status: str | None
    owner_id: str | None
    owner_name: str | None
    progress: float | None
    confidence: int | None

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> TreeNode:
        return cls(
            id=m["childId"],
            kind=NodeKind(m["childKind"]),
            title=m["title"],
            tier=Tier(m["tier"]) if m["tier"] else None,
            status=m["status"],
            owner_id=m["ownerId"],
            owner_name=m["ownerName"],
            progress=m["progress"],
            confidence=m["confidence"],
        )


@dataclass(frozen=True)
class TreeEdge:
    """One edge from a parent down to a child, at the smallest depth it is reached."""

    depth: int
    parent_id: str
    via: EdgeType
    weight: float | None
    counts_toward_progress: bool | None
    child: TreeNode


@dataclass(frozen=True)
class AlignmentTree:
    root: TreeNode
    edges: list[TreeEdge]


@dataclass(frozen=True)
class PathStep:
    id: str
    kind: NodeKind
    title: str


@dataclass(frozen=True)
class StrategyPath:
    """One chain upward from an objective (first step) to a priority (last step)."""

    steps: list[PathStep]
    priority_id: str


async def alignment_tree(
    db: Database, *, root_id: str, depth: int, as_of: dt.date | None = None
) -> AlignmentTree:
    """Return the edges below a priority or objective, down to `depth` levels."""
    if not 1 <= depth <= MAX_DEPTH:
        raise ValidationError(
            f"depth must be between 1 and {MAX_DEPTH}, got {depth}", field="depth", value=depth
        )
    day = values_on(as_of)
    roots = await db.read("alignment/alignment_tree_root", rootId=root_id, valuesOn=day)
    if not roots:
        raise not_found("priority or objective", "rootId", root_id)
    # Level by level: a node's children are listed once, at the smallest depth the node is reached (as
    # alignment/alignment_tree lists them), so each level costs its own edges.
    edges: list[TreeEdge] = []
    seen = {root_id}
    frontier = [root_id]
    for level in range(1, depth + 1):
        if not frontier:
            break
        rows = await db.read("alignment/alignment_tree_level", parentIds=frontier, depth=level, valuesOn=day)
        found: list[str] = []
        for row in rows:
            for child in row["children"]:
                edges.append(
                    TreeEdge(
                        depth=level,
                        parent_id=row["parentId"],
                        via=EdgeType(child["via"]),
                        weight=child["weight"],
                        counts_toward_progress=child["countsTowardProgress"],
                        child=TreeNode.from_row(child),
                    )
                )
                if child["childId"] not in seen and child["childKind"] != NodeKind.INITIATIVE:
                    seen.add(child["childId"])
                    found.append(child["childId"])
        frontier = sorted(set(found))
    root = roots[0]
    return AlignmentTree(root=TreeNode.from_row(root["children"][0]), edges=edges)


async def path_to_strategy(db: Database, *, objective_id: str) -> list[StrategyPath]:
    """Return every chain from an objective up to a priority; none for an orphan."""
    rows = await db.read("alignment/path_to_strategy", objectiveId=objective_id)
    if not rows and not await db.read("objectives/get_objectives", ids=[objective_id]):
        raise not_found("objective", "objectiveId", objective_id)
    return [
        StrategyPath(
            steps=[PathStep(id=s["id"], kind=NodeKind(s["kind"]), title=s["title"]) for s in row["steps"]],
            priority_id=row["priorityId"],
        )
        for row in rows
    ]
