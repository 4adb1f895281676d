"""GraphQL fields for the shape of the alignment: tree, path to strategy, impact and roll-up."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from graph.alignment import impact, rollup, tree
from graph.alignment.tree import EdgeType, NodeKind
from resolvers.core.context import Info
from resolvers.core.enums import RollupMethod, Tier, describe_enum
from resolvers.core.errors import present
from resolvers.planning.loaders import planning_loaders
from resolvers.planning.okrs import Objective
from resolvers.planning.units import Priority

describe_enum(
    NodeKind,
    "What a node in the alignment is.",
    {
        "PRIORITY": "A strategic priority (theme, bet).",
        "OBJECTIVE": "An objective, strategic or team.",
        "KEY_RESULT": "A key result of an objective.",
        "INITIATIVE": "Backlog work that advances a key result.",
    },
    name="AlignmentNodeKind",
)
describe_enum(
    EdgeType,
    "The graph edge a tree edge follows.",
    {
        "SUPPORTS": "A strategic objective supports the priority above it.",
        "CONTRIBUTES_TO": "An objective contributes to the objective or key result above it.",
        "HAS_KEY_RESULT": "An objective has the key result below it.",
        "ADVANCES": "An initiative advances the key result above it.",
    },
    name="AlignmentEdgeType",
)


@strawberry.type(description="A priority, objective, key result or initiative as the alignment map shows it.")
class AlignmentNode:
    id: strawberry.ID = strawberry.field(description="The node's id; query it by kind, e.g. objective(id).")
    kind: NodeKind = strawberry.field(description="Priority, objective, key result or initiative.")
    title: str = strawberry.field(description="Its title.")
    tier: Tier | None = strawberry.field(description="An objective's tier; null for other kinds.")
    status: str | None = strawberry.field(description="An objective's or initiative's status.")
    owner_id: strawberry.ID | None = strawberry.field(description="The owner team of an objective.")
    owner_name: str | None = strawberry.field(description="The owner team's name, for an objective.")
    progress: float | None = strawberry.field(
        description="A key result's progress, or an objective's weighted mean of its key results' progress."
    )
    confidence: int | None = strawberry.field(
        description="An objective's confidence, 0 (none) to 10 (certain); null when unknown or not an objective."
    )

    @classmethod
    def of(cls, m: tree.TreeNode) -> AlignmentNode:
        return cls(
            id=strawberry.ID(m.id),
            kind=m.kind,
            title=m.title,
            tier=m.tier,
            status=m.status,
            owner_id=strawberry.ID(m.owner_id) if m.owner_id else None,
            owner_name=m.owner_name,
            progress=m.progress,
            confidence=m.confidence,
        )


@strawberry.type(description="One edge from a parent down to a child, at the smallest depth it is reached.")
class AlignmentEdge:
    depth: int = strawberry.field(description="1 for the root's children.")
    parent_id: strawberry.ID = strawberry.field(
        description="The node above: the root, or a child of an earlier edge."
    )
    via: EdgeType = strawberry.field(description="The graph edge between parent and child.")
    weight: float | None = strawberry.field(description="Set on CONTRIBUTES_TO edges only.")
    counts_toward_progress: bool | None = strawberry.field(description="Set on CONTRIBUTES_TO edges only.")
    child: AlignmentNode = strawberry.field(description="The node below.")

    @classmethod
    def of(cls, m: tree.TreeEdge) -> AlignmentEdge:
        return cls(
            depth=m.depth,
            parent_id=strawberry.ID(m.parent_id),
            via=m.via,
            weight=m.weight,
            counts_toward_progress=m.counts_toward_progress,
            child=AlignmentNode.of(m.child),
        )


@strawberry.type(
    description="What sits below a priority or objective; a node under two parents is under both."
)
class AlignmentTree:
    root: AlignmentNode = strawberry.field(description="The priority or objective the tree starts from.")
    edges: list[AlignmentEdge] = strawberry.field(description="Ordered by depth, parent id, child id.")


@strawberry.type(description="One node on a chain from an objective up to a priority.")
class PathStep:
    id: strawberry.ID = strawberry.field(description="The node's id.")
    kind: NodeKind = strawberry.field(description="Objective, key result or priority.")
    title: str = strawberry.field(description="Its title.")


@strawberry.type(description="One chain from an objective (first step) up to a priority (last step).")
class StrategyPath:
    steps: list[PathStep] = strawberry.field(
        description="From the objective itself up to the priority, in order."
    )
    priority_id: strawberry.Private[str]

    @classmethod
    def of(cls, m: tree.StrategyPath) -> StrategyPath:
        steps = [PathStep(id=strawberry.ID(s.id), kind=s.kind, title=s.title) for s in m.steps]
        return cls(steps=steps, priority_id=m.priority_id)

    @strawberry.field(description="The priority the chain ends at.")
    async def priority(self, info: Info) -> Priority:
        return Priority.of(present(await planning_loaders(info).priority_by_id.load(self.priority_id)))


@strawberry.type(description="A priority or objective put at risk.")
class ImpactedGoal:
    id: strawberry.ID = strawberry.field(description="The priority's or objective's id.")
    title: str = strawberry.field(description="Its title.")
    owner_id: strawberry.ID | None = strawberry.field(description="The owner team of an objective.")
    owner_name: str | None = strawberry.field(description="The owner team's name, for an objective.")
    distance: int = strawberry.field(description="The fewest hops from the goal that slips.")
    through_dependency: bool = strawberry.field(
        description="True when reached only because another team DEPENDS_ON something on the way."
    )

    @classmethod
    def of(cls, m: impact.ImpactedGoal) -> ImpactedGoal:
        return cls(
            id=strawberry.ID(m.id),
            title=m.title,
            owner_id=strawberry.ID(m.owner_id) if m.owner_id else None,
            owner_name=m.owner_name,
            distance=m.distance,
            through_dependency=m.through_dependency,
        )


@strawberry.type(description="What is put at risk if a key result or objective slips, nearest first.")
class Impact:
    priorities: list[ImpactedGoal] = strawberry.field(description="Priorities put at risk, nearest first.")
    strategic_objectives: list[ImpactedGoal] = strawberry.field(
        description="Strategic objectives put at risk, nearest first."
    )
    team_objectives: list[ImpactedGoal] = strawberry.field(
        description="Team objectives put at risk, nearest first."
    )


@strawberry.type(description="One contribution that counts toward a parent objective's progress.")
class RollupContribution:
    depth: int = strawberry.field(description="1 for contributions to the objective rolled up.")
    parent_id: strawberry.ID = strawberry.field(description="The objective the child counts toward.")
    via_key_result_id: strawberry.ID | None = strawberry.field(
        description="The parent's key result contributed to; null for a direct contribution."
    )
    child_id: strawberry.ID = strawberry.field(description="The contributing objective.")
    weight: float = strawberry.field(description="The contribution's weight, as linked.")
    share: float = strawberry.field(
        description="The child's part of the parent: weight / sibling weights (MEAN), or the weight (SUM)."
    )
    own_progress: float | None = strawberry.field(description="The child's own key results' progress.")
    rolled_up_progress: float | None = strawberry.field(
        description="Rolled up from the child's own contributors; null when none count."
    )

    @classmethod
    def of(cls, m: rollup.RolledContribution) -> RollupContribution:
        return cls(
            depth=m.depth,
            parent_id=strawberry.ID(m.parent_id),
            via_key_result_id=strawberry.ID(m.via_key_result_id) if m.via_key_result_id else None,
            child_id=strawberry.ID(m.child_id),
            weight=m.weight,
            share=m.share,
            own_progress=m.own_progress,
            rolled_up_progress=m.rolled_up_progress,
        )

    @strawberry.field(description="The contributing objective.")
    async def child(self, info: Info) -> Objective:
        return Objective.of(present(await planning_loaders(info).objective_by_id.load(self.child_id)))


@strawberry.type(
    description="An objective's own progress next to the progress rolled up from its contributors."
)
class Rollup:
    method: RollupMethod = strawberry.field(description="How contributions roll up into this objective.")
    own_progress: float | None = strawberry.field(description="From the objective's own key results.")
    rolled_up_progress: float | None = strawberry.field(
        description="From everything that counts toward it, recursively; null when nothing counts."
    )
    contributions: list[RollupContribution] = strawberry.field(
        description="Every counting contribution below the objective, by depth, parent id, child id."
    )
    objective_id: strawberry.Private[str]

    @strawberry.field(description="The objective rolled up.")
    async def objective(self, info: Info) -> Objective:
        return Objective.of(present(await planning_loaders(info).objective_by_id.load(self.objective_id)))


@strawberry.type
class StructureQueries:
    @strawberry.field(
        description="The priorities, objectives, key results and initiatives below a priority or objective, "
        "down to `depth` levels (1 to 8). A priority of a large organisation has thousands of objectives below "
        "it: ask for two levels and expand a node with another call rooted at it."
    )
    async def alignment_tree(
        self,
        info: Info,
        root_id: Annotated[
            strawberry.ID, strawberry.argument(description="The priority or objective to start from.")
        ],
        depth: Annotated[
            int, strawberry.argument(description="How many levels below the root, 1 to 8; default 2.")
        ] = 2,
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(
                description="A past day: progress from the measurements observed by then; default today."
            ),
        ] = None,
    ) -> AlignmentTree:
        found = await tree.alignment_tree(info.context.db, root_id=root_id, depth=depth, as_of=as_of)
        return AlignmentTree(
            root=AlignmentNode.of(found.root), edges=[AlignmentEdge.of(e) for e in found.edges]
        )

    @strawberry.field(
        description="Every chain from an objective up to a priority it serves; empty when orphaned."
    )
    async def path_to_strategy(
        self,
        info: Info,
        objective_id: Annotated[
            strawberry.ID, strawberry.argument(description="The objective to start from.")
        ],
    ) -> list[StrategyPath]:
        paths = await tree.path_to_strategy(info.context.db, objective_id=objective_id)
        return [StrategyPath.of(p) for p in paths]

    @strawberry.field(
        description="The priorities and objectives put at risk if a key result or objective slips."
    )
    async def impact(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID, strawberry.argument(description="The key result or objective that might slip.")
        ],
    ) -> Impact:
        found = await impact.impact(info.context.db, id=id)
        return Impact(
            priorities=[ImpactedGoal.of(g) for g in found.priorities],
            strategic_objectives=[ImpactedGoal.of(g) for g in found.strategic_objectives],
            team_objectives=[ImpactedGoal.of(g) for g in found.team_objectives],
        )

    @strawberry.field(description="An objective's progress rolled up from everything that counts toward it.")
    async def rollup(
        self,
        info: Info,
        objective_id: Annotated[strawberry.ID, strawberry.argument(description="The objective to roll up.")],
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(
                description="A past day: progress from the measurements observed by then; default today."
            ),
        ] = None,
    ) -> Rollup:
        found = await rollup.rollup(info.context.db, objective_id=objective_id, as_of=as_of)
        return Rollup(
            method=found.method,
            own_progress=found.own_progress,
            rolled_up_progress=found.rolled_up_progress,
            contributions=[RollupContribution.of(c) for c in found.contributions],
            objective_id=found.objective_id,
        )
