"""The GraphQL schema: queries, mutations and the protective extensions."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaxTokensLimiter

from resolvers.alignment.dependencies import DependencyQueries
from resolvers.alignment.gaps import GapQueries
from resolvers.alignment.history import HistoryQueries
from resolvers.alignment.structure import StructureQueries
from resolvers.core.budget import cost_checks
from resolvers.core.cost import CostLimits
from resolvers.core.errors import DomainErrors, Schema
from resolvers.core.limits import ParseOnce, QueryLimits, request_checks
from resolvers.core.scalars import SCALARS
from resolvers.health.queries import HealthQueries
from resolvers.integrations.auth import Authorization
from resolvers.integrations.measurements import MeasurementMutations
from resolvers.integrations.subscriptions import KeyResultSubscriptions
from resolvers.lookup.nodes import NodeQueries
from resolvers.planning import ahead
from resolvers.planning.lookup import KeyResultLookupQueries
from resolvers.planning.mutations.links import LinkMutations
from resolvers.planning.mutations.okrs import OkrMutations
from resolvers.planning.mutations.organisation import OrganisationMutations
from resolvers.planning.mutations.planning import PlanningMutations
from resolvers.planning.queries import Query as RecordQuery
from resolvers.plans.plans import PlanMutations, PlanQueries
from resolvers.report.review import ReportQueries
from resolvers.rituals.checkins import CheckInMutations
from resolvers.rituals.cycle_close import CycleMutations
from resolvers.rituals.retrospectives import RetrospectiveMutations


# Each domain adds its own query, mutation or subscription class here (as strawberry.tools.merge_types does,
# written out so the root types can have a description).
@strawberry.type(description="What a frontend can read: the OKRs and their alignment, reports and health.")
class Query(
    RecordQuery,
    NodeQueries,
    GapQueries,
    DependencyQueries,
    StructureQueries,
    HistoryQueries,
    ReportQueries,
    HealthQueries,
    PlanQueries,
    KeyResultLookupQueries,
):
    pass


@strawberry.type(
    description="What can be changed: the organisation, the plan, its links, values and rituals."
)
class Mutation(
    OrganisationMutations,
    PlanningMutations,
    OkrMutations,
    LinkMutations,
    MeasurementMutations,
    CheckInMutations,
    RetrospectiveMutations,
    CycleMutations,
    PlanMutations,
):
    pass


# Subscriptions run over websockets (graphql-transport-ws) at the same /graphql path.
@strawberry.type(description="Live updates over websockets (graphql-transport-ws) at /graphql.")
class Subscription(KeyResultSubscriptions):
    pass


def build_schema(
    *,
    max_depth: int = 12,
    max_aliases: int = 30,
    max_tokens: int = 4000,
    max_fields: int = 1000,
    cost: CostLimits | None = None,
) -> strawberry.Schema:
    """Build the schema with the document limits (resolvers/core/limits.py), a token limit, query costs and
    budgets (resolvers/core/cost.py, budget.py) and error masking."""
    limits = QueryLimits(max_depth=max_depth, max_aliases=max_aliases, max_fields=max_fields)
    built = Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        scalar_overrides=SCALARS,
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=max_tokens),
            # A document is parsed once (its text is the key); RequestChecks validates it once too.
            ParseOnce,
            request_checks(limits),
            Authorization,
            # After Authorization: a refused token spends no budget.
            cost_checks(cost or CostLimits()),
            DomainErrors,
        ],
    )
    # Nested planning fields read what the read fields loaded ahead (resolvers/planning/ahead.py).
    ahead.install(built)
    return built


# The schema with default limits, for `strawberry export-schema resolvers.schema:schema`.
schema = build_schema()
