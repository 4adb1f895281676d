"""Progress of key results and objectives, from 0 to 1."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from graph.core.models import Direction, KeyResult, KeyResultKind

# The largest magnitude a KR's baseline, target, current or pushed value may have (VALIDATION beyond it): far
# beyond any metric, and small enough that a float still counts every unit exactly (2^53 is about 9e15).
MAX_MAGNITUDE = 1e15


class Measured(Protocol):
    """What progress is computed from: a KR's kind, direction and numbers."""

    @property
    def kind(self) -> KeyResultKind: ...
    @property
    def direction(self) -> Direction | None: ...
    @property
    def baseline(self) -> float | None: ...
    @property
    def target(self) -> float | None: ...
    @property
    def current(self) -> float | None: ...
    @property
    def done(self) -> bool: ...


def key_result_progress(kr: Measured) -> float | None:
    """Return how far a KR has moved from baseline towards target, clamped to 0..1."""
    if kr.kind is KeyResultKind.MILESTONE:
        return 1.0 if kr.done else 0.0
    if kr.target is None:
        return None
    if kr.direction is Direction.STAY_AT_OR_ABOVE:
        return None if kr.current is None else float(kr.current >= kr.target)
    if kr.direction is Direction.STAY_AT_OR_BELOW:
        return None if kr.current is None else float(kr.current <= kr.target)
    if kr.baseline is None or kr.target == kr.baseline:
        return None
    current = kr.baseline if kr.current is None else kr.current
    # The signed ratio works for INCREASE and DECREASE alike. Halving first is exact and keeps the differences
    # finite even for numbers near the float's limit (1.7e308 - -1.7e308 would overflow to infinity).
    ratio = (current / 2 - kr.baseline / 2) / (kr.target / 2 - kr.baseline / 2)
    return min(1.0, max(0.0, ratio))


def objective_progress(key_results: Iterable[KeyResult]) -> float | None:
    """Return the weighted mean progress of the KRs that have a progress."""
    total = 0.0
    weights = 0.0
    for kr in key_results:
        progress = key_result_progress(kr)
        if progress is None:
            continue
        total += progress * kr.weight
        weights += kr.weight
    return None if weights == 0 else total / weights
