"""GraphQL fields for the shape of the alignment: tree, path to strategy, impact and roll-up."""

from __future__ import annotations

import strawberry

from graph.alignment import impact, rollup, tree
from graph.alignment.tree import EdgeType, NodeKind
from resolvers.core.context import Info
from resolvers.core.enums import RollupMethod, Tier
from resolvers.core.errors import present
from resolvers.planning.loaders import planning_loaders
from resolvers.planning.okrs import Objective
from resolvers.planning.units import Priority

strawberry.enum(NodeKind, name="AlignmentNodeKind", description="What a node in the alignment is.")
strawberry.enum(EdgeType, name="AlignmentEdgeType", description="The graph edge a tree edge follows.")


@strawberry.type(description="A priority, objective, key result or initiative as the alignment map shows it.")
class AlignmentNode:
    id: strawberry.ID
    kind: NodeKind
    title: str
    tier: Tier | None
    status: str | None = strawberry.field(description="An objective's or initiative's status.")
    owner_id: strawberry.ID | None = strawberry.field(description="The owner team of an objective.")
    owner_name: str | None
    progress: float | None = strawberry.field(
        description="A key result's progress, or an objective's weighted mean of its key results' progress."
    )
    confidence: int | None

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
    parent_id: strawberry.ID
    via: EdgeType
    weight: float | None = strawberry.field(description="Set on CONTRIBUTES_TO edges only.")
    counts_toward_progress: bool | None = strawberry.field(description="Set on CONTRIBUTES_TO edges only.")
    child: AlignmentNode

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
    root: AlignmentNode
    edges: list[AlignmentEdge] = strawberry.field(description="Ordered by depth, parent id, child id.")


@strawberry.type
class PathStep:
    id: strawberry.ID
    kind: NodeKind
    title: str


@strawberry.type(description="One chain from an objective (first step) up to a priority (last step).")
class StrategyPath:
    steps: list[PathStep]
    priority_id: strawberry.Private[str]

    @classmethod
    def of(cls, m: tree.StrategyPath) -> StrategyPath:
        steps = [PathStep(id=strawberry.ID(s.id), kind=s.kind, title=s.title) for s in m.steps]
        return cls(steps=steps, priority_id=m.priority_id)

    @strawberry.field
    async def priority(self, info: Info) -> Priority:
        return Priority.of(present(await planning_loaders(info).priority_by_id.load(self.priority_id)))


@strawberry.type(description="A priority or objective put at risk.")
class ImpactedGoal:
    id: strawberry.ID
    title: str
    owner_id: strawberry.ID | None = strawberry.field(description="The owner team of an objective.")
    owner_name: str | None
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
    priorities: list[ImpactedGoal]
    strategic_objectives: list[ImpactedGoal]
    team_objectives: list[ImpactedGoal]


@strawberry.type(description="One contribution that counts toward a parent objective's progress.")
class RollupContribution:
    depth: int = strawberry.field(description="1 for contributions to the objective rolled up.")
    parent_id: strawberry.ID
    via_key_result_id: strawberry.ID | None = strawberry.field(
        description="The parent's key result contributed to; null for a direct contribution."
    )
    child_id: strawberry.ID
    weight: float
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

    @strawberry.field
    async def child(self, info: Info) -> Objective:
        return Objective.of(present(await planning_loaders(info).objective_by_id.load(self.child_id)))


@strawberry.type(
    description="An objective's own progress next to the progress rolled up from its contributors."
)
class Rollup:
    method: RollupMethod
    own_progress: float | None = strawberry.field(description="From the objective's own key results.")
    rolled_up_progress: float | None = strawberry.field(
        description="From everything that counts toward it, recursively; null when nothing counts."
    )
    contributions: list[RollupContribution] = strawberry.field(
        description="Every counting contribution below the objective, by depth, parent id, child id."
    )
    objective_id: strawberry.Private[str]

    @strawberry.field
    async def objective(self, info: Info) -> Objective:
        return Objective.of(present(await planning_loaders(info).objective_by_id.load(self.objective_id)))


@strawberry.type
class StructureQueries:
    @strawberry.field(
        description="The priorities, objectives, key results and initiatives below a priority or objective, "
        "down to `depth` levels (1 to 8). A priority of a large organisation has thousands of objectives below "
        "it: ask for two levels and expand a node with another call rooted at it."
    )
    async def alignment_tree(self, info: Info, root_id: strawberry.ID, depth: int = 2) -> AlignmentTree:
        found = await tree.alignment_tree(info.context.db, root_id=root_id, depth=depth)
        return AlignmentTree(
            root=AlignmentNode.of(found.root), edges=[AlignmentEdge.of(e) for e in found.edges]
        )

    @strawberry.field(
        description="Every chain from an objective up to a priority it serves; empty when orphaned."
    )
    async def path_to_strategy(self, info: Info, objective_id: strawberry.ID) -> list[StrategyPath]:
        paths = await tree.path_to_strategy(info.context.db, objective_id=objective_id)
        return [StrategyPath.of(p) for p in paths]

    @strawberry.field(
        description="The priorities and objectives put at risk if a key result or objective slips."
    )
    async def impact(self, info: Info, id: strawberry.ID) -> Impact:
        found = await impact.impact(info.context.db, id=id)
        return Impact(
            priorities=[ImpactedGoal.of(g) for g in found.priorities],
            strategic_objectives=[ImpactedGoal.of(g) for g in found.strategic_objectives],
            team_objectives=[ImpactedGoal.of(g) for g in found.team_objectives],
        )

    @strawberry.field(description="An objective's progress rolled up from everything that counts toward it.")
    async def rollup(self, info: Info, objective_id: strawberry.ID) -> Rollup:
        found = await rollup.rollup(info.context.db, objective_id=objective_id)
        return Rollup(
            method=found.method,
            own_progress=found.own_progress,
            rolled_up_progress=found.rolled_up_progress,
            contributions=[RollupContribution.of(c) for c in found.contributions],
            objective_id=found.objective_id,
        )
