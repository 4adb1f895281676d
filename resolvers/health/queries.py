"""GraphQL field for OKR health: the anti-patterns in a unit's OKRs of one cycle, with severity and numbers."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import strawberry

from graph.core.errors import ValidationError
from graph.health import checks as health
from graph.health.checks import FindingKey, HealthCheck, Severity, SubjectKind
from resolvers.alignment.scope import check_scope
from resolvers.core.context import Info
from resolvers.core.enums import describe_enum
from resolvers.core.errors import present
from resolvers.core.pagination import Edge, PageInfo, check_first, decode_cursor, encode_cursor
from resolvers.planning.loaders import planning_loaders
from resolvers.planning.okrs import KeyResult, Objective
from resolvers.planning.units import Cycle, Team

describe_enum(
    HealthCheck,
    "What a health finding is about: each check is one named query in cypher/health/ (docs/HEALTH.md).",
    {
        "NO_KEY_RESULTS": "An objective with no key results (objective_key_result_count).",
        "KPI_IN_DISGUISE": "A METRIC or KBI with no baseline, or target equal to baseline (kpi_in_disguise).",
        "CASCADED_KEY_RESULTS": "A team objective's KRs copy its parent's word for word (cascaded_key_results).",
        "TOO_MANY_KEY_RESULTS": "An objective with more than AG_HEALTH_MAX_KEY_RESULTS (5) KRs "
        "(objective_key_result_count).",
        "OBJECTIVE_LIMIT_EXCEEDED": "A unit owns more objectives in a cycle than its organisation's objectiveLimit "
        "(team_objective_limit).",
        "STALE_MEASUREMENT": "A METRIC or KBI KR not measured for more than AG_HEALTH_STALE_MEASUREMENT_DAYS (14) "
        "(stale_measurements).",
        "STALE_CHECK_IN": "A team objective with no check-in for more than AG_HEALTH_STALE_CHECK_IN_DAYS (14) "
        "(stale_check_ins).",
        "LOW_CONFIDENCE": "Confidence AG_HEALTH_LOW_CONFIDENCE (3) or less (low_confidence).",
        "FALLING_CONFIDENCE": "Confidence down by AG_HEALTH_CONFIDENCE_DROP (3) or more between the last two "
        "check-ins (falling_confidence).",
    },
)
describe_enum(
    Severity,
    "CRITICAL: act now; WARNING: fix it this cycle; INFO: worth a look. Each check's rule is in the "
    "header of its Cypher file and in docs/HEALTH.md.",
    {
        "INFO": "Worth a look.",
        "WARNING": "Fix it this cycle.",
        "CRITICAL": "Act now.",
    },
)
describe_enum(
    SubjectKind,
    "What a health finding is about.",
    {
        "OBJECTIVE": "An objective.",
        "KEY_RESULT": "A key result.",
        "TEAM": "A unit (team, business unit or company), for OBJECTIVE_LIMIT_EXCEEDED.",
    },
    name="HealthSubjectKind",
)

HealthSubjectNode = Annotated[
    Objective | KeyResult | Team,
    strawberry.union(
        "HealthSubjectNode", description="The objective, key result or team a finding is about."
    ),
]


@strawberry.type(description="The objective, key result or team a health finding is about.")
class HealthSubject:
    kind: SubjectKind = strawberry.field(description="Objective, key result or team.")
    id: strawberry.ID = strawberry.field(description="The subject's id.")
    title: str = strawberry.field(description="Its title (a team's name).")

    @strawberry.field(description="The objective, key result or team itself.")
    async def node(self, info: Info) -> HealthSubjectNode:
        loaders = planning_loaders(info)
        if self.kind is SubjectKind.OBJECTIVE:
            return Objective.of(present(await loaders.objective_by_id.load(self.id)))
        if self.kind is SubjectKind.KEY_RESULT:
            return KeyResult.of(present(await loaders.key_result_by_id.load(self.id)))
        return Team.of(present(await loaders.team_by_id.load(self.id)))


@strawberry.type(description="One anti-pattern found on one objective, key result or team.")
class HealthFinding:
    check: HealthCheck = strawberry.field(description="Which anti-pattern it is.")
    severity: Severity = strawberry.field(description="How urgent it is: CRITICAL, WARNING or INFO.")
    subject: HealthSubject = strawberry.field(description="The objective, key result or team it is about.")
    message: str = strawberry.field(description='With the numbers, e.g. "last measurement 23 days ago ...".')
    value: float | None = strawberry.field(
        description="The number the check measured (days, key results, objectives, confidence, drop); null "
        "for KPI_IN_DISGUISE."
    )
    limit: float | None = strawberry.field(
        description="The threshold it crossed (a setting, or the organisation's objectiveLimit); null when the "
        "check has none."
    )
    owner_id: strawberry.Private[str]
    cycle_id: strawberry.Private[str]

    @strawberry.field(description="The team that owns the subject (for a team, the team itself).")
    async def owner(self, info: Info) -> Team:
        return Team.of(present(await planning_loaders(info).team_by_id.load(self.owner_id)))

    @strawberry.field(
        description="The subject's cycle (for a team, the cycle it has too many objectives in)."
    )
    async def cycle(self, info: Info) -> Cycle:
        return Cycle.of(present(await planning_loaders(info).cycle_by_id.load(self.cycle_id)))

    @classmethod
    def of(cls, m: health.Finding) -> HealthFinding:
        return cls(
            check=m.check,
            severity=m.severity,
            subject=HealthSubject(kind=m.subject_kind, id=strawberry.ID(m.subject_id), title=m.subject_title),
            message=m.message,
            value=m.value,
            limit=m.limit,
            owner_id=m.owner_id,
            cycle_id=m.cycle_id,
        )


def finding_cursor(key: FindingKey) -> str:
    return encode_cursor(json.dumps([key.severity, key.check, key.subject_id, key.cycle_id]))


def decode_finding_cursor(cursor: str | None) -> FindingKey | None:
    """Return the finding key inside an `after` cursor made by finding_cursor."""
    raw = decode_cursor(cursor)
    if raw is None:
        return None
    try:
        severity, check, subject_id, cycle_id = json.loads(raw)
        if not (isinstance(subject_id, str) and isinstance(cycle_id, str)):
            raise TypeError
        return FindingKey(Severity(severity), HealthCheck(check), subject_id, cycle_id)
    except (ValueError, TypeError):
        raise ValidationError(
            f"after {cursor!r} is not a cursor of health findings", field="after", value=cursor
        ) from None


@strawberry.type(
    description="The health of a unit's OKRs in one cycle: one page of findings (all of them unless `first` "
    "is given) and the counts over all pages."
)
class HealthReport:
    as_of: dt.date = strawberry.field(description="The day staleness and confidence were judged on.")
    findings: list[HealthFinding] = strawberry.field(
        description="The findings of this page: most severe first, then by check (in HealthCheck order), "
        "subject id and cycle."
    )
    page_info: PageInfo = strawberry.field(
        description="Whether more findings follow, and the cursor to get them."
    )
    critical: int = strawberry.field(description="CRITICAL findings over all pages (0 below minSeverity).")
    warnings: int = strawberry.field(description="WARNING findings over all pages (0 below minSeverity).")
    infos: int = strawberry.field(description="INFO findings over all pages (0 below minSeverity).")
    keys: strawberry.Private[list[FindingKey]]

    @strawberry.field(description="The findings of this page with their cursors (for `after`).")
    def edges(self) -> list[Edge[HealthFinding]]:
        return [
            Edge(cursor=finding_cursor(key), node=node)
            for key, node in zip(self.keys, self.findings, strict=True)
        ]

    @strawberry.field(description="How many findings there are over all pages: critical + warnings + infos.")
    def total_count(self) -> int:
        return self.critical + self.warnings + self.infos


@strawberry.type
class HealthQueries:
    @strawberry.field(
        description="OKR anti-patterns in the cycle (a year includes its quarters) for unitId and every unit "
        "inside it (null: the whole organisation): one query per check, run at once. asOf (default: today) is the "
        "day staleness and confidence are judged on; checks keeps only those checks; minSeverity only findings "
        "at or above it (the counts too). first (default: all; at most the page size limit) and after (an "
        "endCursor) page through the findings in their order."
    )
    async def health(
        self,
        info: Info,
        cycle_id: Annotated[
            strawberry.ID, strawberry.argument(description="The cycle; a year includes its quarters.")
        ],
        unit_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="This unit and every unit inside it; null: the whole organisation."
            ),
        ] = None,
        as_of: Annotated[
            dt.date | None,
            strawberry.argument(description="The day staleness and confidence are judged on; default today."),
        ] = None,
        checks: Annotated[
            list[HealthCheck] | None, strawberry.argument(description="Only these checks; null: all of them.")
        ] = None,
        min_severity: Annotated[
            Severity | None,
            strawberry.argument(
                description="Only findings at or above this severity, counts included; null: all."
            ),
        ] = None,
        first: Annotated[
            int | None,
            strawberry.argument(
                description="How many findings to return, 1 to the page size limit (AG_MAX_PAGE_SIZE, 100); "
                "null: all."
            ),
        ] = None,
        after: Annotated[
            str | None,
            strawberry.argument(
                description="Start after this cursor (the previous page's endCursor); null: from the start."
            ),
        ] = None,
    ) -> HealthReport:
        day = as_of or dt.date.today()
        size = None if first is None else check_first(first, info.context.settings.max_page_size)
        page = await health.health(
            info.context.db,
            cycle_id=cycle_id,
            unit_id=unit_id,
            as_of=day,
            thresholds=info.context.settings.health,
            checks=set(checks) if checks is not None else None,
            min_severity=min_severity,
            after=decode_finding_cursor(after),
            first=size,
        )
        if not page.findings:
            await check_scope(info, cycle_id=cycle_id, team_id=unit_id, team_field="unitId")
        keys = [f.key for f in page.findings]
        return HealthReport(
            as_of=day,
            findings=[HealthFinding.of(f) for f in page.findings],
            keys=keys,
            page_info=PageInfo(
                has_next_page=page.has_next_page, end_cursor=finding_cursor(keys[-1]) if keys else None
            ),
            critical=page.counts[Severity.CRITICAL],
            warnings=page.counts[Severity.WARNING],
            infos=page.counts[Severity.INFO],
        )
