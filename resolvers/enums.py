"""GraphQL enums, taken as they are from the domain models."""

from __future__ import annotations

import strawberry

from graph import models

TeamKind = strawberry.enum(models.TeamKind, description="Where a unit sits in the organisation tree.")
CycleKind = strawberry.enum(models.CycleKind, description="A year, or a quarter within a year.")
Tier = strawberry.enum(models.Tier, description="STRATEGIC (company or business unit) or TEAM (tactical) OKRs.")
ObjectiveStatus = strawberry.enum(models.ObjectiveStatus, description="An objective's life cycle; ARCHIVED hides it.")
KeyResultKind = strawberry.enum(models.KeyResultKind, description="A metric movement, a milestone, or a KBI.")
Direction = strawberry.enum(
    models.Direction, description="Which way a metric should move; STAY_* are guard-rails around a threshold."
)
InitiativeStatus = strawberry.enum(models.InitiativeStatus, description="Where backlog work stands.")
