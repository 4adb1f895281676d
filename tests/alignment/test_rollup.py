"""The roll-up recursion on its own: renormalised means, capped sums, shared children, loops."""

from __future__ import annotations

import pytest

from graph.alignment.rollup import Share, roll_up
from graph.core.models import RollupMethod

MEAN = RollupMethod.MEAN
SUM = RollupMethod.SUM


def test_mean_renormalises_over_children_with_a_value() -> None:
    shares = [Share("top", "a", 0.5), Share("top", "b", 0.25), Share("top", "c", 0.25)]
    rolled = roll_up(shares, own_progress={"a": 0.4, "b": 0.8, "c": None}, methods={"top": MEAN})
    assert rolled == {"top": pytest.approx((0.5 * 0.4 + 0.25 * 0.8) / 0.75)}


def test_nothing_measured_below_gives_none() -> None:
    shares = [Share("top", "a", 1.0)]
    assert roll_up(shares, own_progress={"a": None}, methods={"top": SUM}) == {"top": None}


def test_sum_counts_missing_values_as_zero_and_caps_at_one() -> None:
    shares = [Share("top", "a", 0.5), Share("top", "b", 0.5), Share("top", "c", 0.5)]
    partial = roll_up(shares, own_progress={"a": 0.6, "b": 0.4, "c": None}, methods={"top": SUM})
    assert partial == {"top": pytest.approx(0.5 * 0.6 + 0.5 * 0.4)}
    over = roll_up(shares, own_progress={"a": 1.0, "b": 1.0, "c": 0.8}, methods={"top": SUM})
    assert over == {"top": 1.0}


def test_a_shared_child_counts_under_each_parent_with_its_own_roll_up() -> None:
    # "shared" sits under both "left" and "right"; its own KRs (0.0) give way to what rolls up into it (0.9).
    shares = [
        Share("top", "left", 0.5),
        Share("top", "right", 0.5),
        Share("left", "shared", 1.0),
        Share("right", "shared", 0.5),
        Share("right", "solo", 0.5),
        Share("shared", "leaf", 1.0),
    ]
    own = {"left": 0.1, "right": 0.2, "shared": 0.0, "solo": 0.3, "leaf": 0.9}
    rolled = roll_up(shares, own_progress=own, methods={"top": MEAN, "left": MEAN, "right": MEAN})
    assert rolled["shared"] == pytest.approx(0.9)
    assert rolled["left"] == pytest.approx(0.9)
    assert rolled["right"] == pytest.approx(0.5 * 0.9 + 0.5 * 0.3)
    assert rolled["top"] == pytest.approx(0.5 * 0.9 + 0.5 * 0.6)


def test_a_child_with_nothing_measured_below_counts_with_its_own_progress() -> None:
    shares = [Share("top", "mid", 1.0), Share("mid", "leaf", 1.0)]
    rolled = roll_up(shares, own_progress={"mid": 0.7, "leaf": None}, methods={})
    assert rolled == {"top": pytest.approx(0.7), "mid": None}


def test_a_hand_made_loop_ends_instead_of_recursing_forever() -> None:
    shares = [Share("a", "b", 1.0), Share("b", "a", 1.0)]
    rolled = roll_up(shares, own_progress={"a": 0.2, "b": 0.6}, methods={})
    assert set(rolled) == {"a", "b"}
