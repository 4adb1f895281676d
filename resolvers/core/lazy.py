"""Reach a module above this one when a field is resolved, for the GraphQL types that refer back to each other.

GraphQL types form cycles (Objective.owner is a Team and Team.objectives are Objectives; Objective.checkIns are
CheckIns and CheckIn.objective is an Objective). Python modules must not, or each would need the other half
loaded first. So the lower module imports nothing of the higher one at load time: it names the higher one's
types with `strawberry.lazy` (resolved when the schema is built) and reaches its resolvers with `later`
(imported when the field is first resolved). Every such reach is listed in UPWARD, and the layering test
(tests/test_layers.py) fails on any other import that runs up.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# Lower module -> the higher modules it reaches with `later`, and why.
UPWARD: dict[str, tuple[str, ...]] = {
    # Team.objectives and Priority.supportedBy are Objectives.
    "resolvers.planning.units": ("resolvers.planning.okrs", "resolvers.rituals.retrospectives"),
    # Objective.checkIns, confidenceTrend, lastCheckInAt, retrospectives and carriedOverFrom are rituals' fields.
    "resolvers.planning.okrs": (
        "resolvers.rituals.checkins",
        "resolvers.rituals.retrospectives",
        "resolvers.rituals.cycle_close",
    ),
}


def later(caller: str, module: str) -> ModuleType:
    """Import `module` for `caller` (its __name__) now, at resolve time; refuse a reach UPWARD does not list."""
    if module not in UPWARD.get(caller, ()):
        raise ImportError(f"{caller} may not reach {module} lazily: list it in resolvers.core.lazy.UPWARD")
    return importlib.import_module(module)
