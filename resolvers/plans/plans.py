"""GraphQL `importPlan` (admin) and `exportPlan`: a frontend's "upload a plan" and "download" (graph/plans/)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.plans import export
from graph.plans.diff import ACTIONS, TYPES
from graph.plans.document import Problem
from graph.plans.load import PlanFormat, read_text
from graph.plans.service import import_plan
from resolvers.core.context import Info
from resolvers.core.enums import describe_enum

describe_enum(
    PlanFormat,
    "How a plan document is written (docs/PLAN_FORMAT.md).",
    {
        "YAML": "One YAML document.",
        "CSV_BUNDLE": "CSV sheets in one string, each after a line '### <sheet>.csv' (teams.csv, objectives.csv, ...).",
    },
)


@strawberry.type(
    description="How many items of one type an import creates, updates, leaves, archives or removes."
)
class PlanTypeChanges:
    type: str = strawberry.field(
        description="organisation, teams, cycles, objectives, keyResults, checkIns, ..."
    )
    create: int = strawberry.field(description="New items.")
    update: int = strawberry.field(description="Items whose fields change.")
    unchanged: int = strawberry.field(description="Items the graph already holds as the plan gives them.")
    archive: int = strawberry.field(description="Objectives the plan leaves out, archived with prune.")
    remove: int = strawberry.field(description="Links the plan leaves out, removed with prune.")


@strawberry.type(description="A problem that refuses the plan: where it is and what is wrong.")
class PlanProblem:
    code: str = strawberry.field(description="The mutations' error code: VALIDATION, NOT_FOUND, CONFLICT.")
    message: str = strawberry.field(description="What is wrong, naming the value.")
    file: str | None = strawberry.field(description="The file (or CSV sheet) it is in.")
    line: int | None = strawberry.field(description="Its line (for CSV, the row's first line).")
    path: str = strawberry.field(description="The item, e.g. objectives[3].keyResults[0].")
    field: str | None = strawberry.field(description="The field at fault.")

    @classmethod
    def of(cls, p: Problem) -> PlanProblem:
        return cls(code=p.code, message=p.message, file=p.file, line=p.line, path=p.path, field=p.field)


@strawberry.type(
    description="What importPlan found and did: problems (then nothing is written) or the changes."
)
class PlanImport:
    applied: bool = strawberry.field(description="True when the changes were written (one transaction).")
    writes: int = strawberry.field(description="How many items are created, updated, archived or removed.")
    changes: list[PlanTypeChanges] = strawberry.field(description="Per type of item, in import order.")
    problems: list[PlanProblem] = strawberry.field(
        description="Every problem; any one refuses the whole plan."
    )


@strawberry.type
class PlanMutations:
    @strawberry.mutation(
        description="Import a whole organisation's plan (admin): validate it whole, then write what differs from "
        "the graph in one transaction. A second import of the same plan writes nothing."
    )
    async def import_plan(
        self,
        info: Info,
        document: Annotated[str, strawberry.argument(description="The plan: YAML, or a CSV bundle.")],
        format: Annotated[
            PlanFormat, strawberry.argument(description="How the document is written.")
        ] = PlanFormat.YAML,
        dry_run: Annotated[
            bool, strawberry.argument(description="Only report the changes; write nothing.")
        ] = False,
        prune: Annotated[
            bool,
            strawberry.argument(
                description="Archive objectives and remove links the plan leaves out (never delete)."
            ),
        ] = False,
    ) -> PlanImport:
        outcome = await import_plan(
            info.context.db, read_text(document, format), dry_run=dry_run, prune=prune
        )
        changes = []
        if outcome.diff is not None:
            for kind in TYPES:
                counts = outcome.diff.counts[kind]
                if sum(counts.values()):
                    changes.append(
                        PlanTypeChanges(type=kind, **{action: counts[action] for action in ACTIONS})
                    )
        return PlanImport(
            applied=outcome.applied,
            writes=outcome.diff.writes if outcome.diff is not None else 0,
            changes=changes,
            problems=[PlanProblem.of(p) for p in outcome.problems],
        )


@strawberry.type
class PlanQueries:
    @strawberry.field(
        description="An organisation's plan as a document, in a fixed order (the same graph gives the same text)."
    )
    async def export_plan(
        self,
        info: Info,
        organisation_id: Annotated[strawberry.ID, strawberry.argument(description="The organisation.")],
        cycle_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="Only this cycle, with the cycles above and within it; null: all."
            ),
        ] = None,
        history: Annotated[
            bool, strawberry.argument(description="Add measurements, check-ins and retrospectives.")
        ] = False,
        format: Annotated[
            PlanFormat, strawberry.argument(description="YAML or a CSV bundle.")
        ] = PlanFormat.YAML,
    ) -> str:
        plan = await export.read_plan(info.context.db, organisation_id, cycle_id=cycle_id, history=history)
        if format is PlanFormat.YAML:
            return export.to_yaml(plan)
        return export.to_bundle(export.to_sheets(plan))
