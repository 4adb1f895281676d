"""The GraphQL schema: queries, mutations and the protective extensions."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaxTokensLimiter
from strawberry.tools import merge_types

from resolvers.alignment.dependencies import DependencyQueries
from resolvers.alignment.gaps import GapQueries
from resolvers.alignment.structure import StructureQueries
from resolvers.auth import Authorization
from resolvers.checkins import CheckInMutations
from resolvers.cycle_mutations import CycleMutations
from resolvers.errors import DomainErrors, Schema
from resolvers.health import HealthQueries
from resolvers.limits import QueryLimits, request_checks
from resolvers.mutations.links import LinkMutations
from resolvers.mutations.measurements import MeasurementMutations
from resolvers.mutations.okrs import OkrMutations
from resolvers.mutations.organisation import OrganisationMutations
from resolvers.mutations.planning import PlanningMutations
from resolvers.queries import Query as RecordQuery
from resolvers.report import ReportQueries
from resolvers.retrospectives import RetrospectiveMutations
from resolvers.subscriptions import KeyResultSubscriptions

# Each alignment module adds its own query class here.
Query = merge_types(
    "Query",
    (
        RecordQuery,
        GapQueries,
        DependencyQueries,
        StructureQueries,
        ReportQueries,
        HealthQueries,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        OrganisationMutations,
        PlanningMutations,
        OkrMutations,
        LinkMutations,
        MeasurementMutations,
        CheckInMutations,
        RetrospectiveMutations,
        CycleMutations,
    ),
)

# Subscriptions run over websockets (graphql-transport-ws) at the same /graphql path.
Subscription = merge_types("Subscription", (KeyResultSubscriptions,))


def build_schema(
    *, max_depth: int = 12, max_aliases: int = 30, max_tokens: int = 4000, max_fields: int = 1000
) -> strawberry.Schema:
    """Build the schema with the document limits (resolvers/limits.py), a token limit and error masking."""
    limits = QueryLimits(max_depth=max_depth, max_aliases=max_aliases, max_fields=max_fields)
    return Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=max_tokens),
            request_checks(limits),
            Authorization,
            DomainErrors,
        ],
    )


# The schema with default limits, for `strawberry export-schema resolvers.schema:schema`.
schema = build_schema()
