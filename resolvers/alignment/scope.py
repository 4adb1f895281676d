"""Name the unknown cycle or team behind an empty answer."""

from __future__ import annotations

from resolvers.core.context import Info
from resolvers.planning.loaders import planning_loaders
from resolvers.planning.queries import require


async def check_scope(
    info: Info, *, cycle_id: str, team_id: str | None = None, team_field: str = "teamId"
) -> None:
    """Raise NOT_FOUND for an unknown cycle or team; called only when an answer is empty, to save a round trip."""
    await require(planning_loaders(info).cycle_by_id.load, "cycle", cycle_id, "cycleId")
    if team_id is not None:
        await require(planning_loaders(info).team_by_id.load, "team", team_id, team_field)
