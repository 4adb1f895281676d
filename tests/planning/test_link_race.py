"""Concurrent links that would close a CONTRIBUTES_TO loop: at most one of them may win."""

from __future__ import annotations

import asyncio

import pytest

from graph.core.db import Database
from graph.core.errors import ValidationError
from graph.planning import links

pytestmark = pytest.mark.usefixtures("demo")


async def test_opposite_links_sent_at_once_never_make_a_loop(db: Database) -> None:
    a, b = "obj-discover-q1", "obj-care-q1"
    for _ in range(10):
        results = await asyncio.gather(
            links.link_contribution(db, child_id=a, parent_id=b, weight=1.0, counts_toward_progress=True),
            links.link_contribution(db, child_id=b, parent_id=a, weight=1.0, counts_toward_progress=True),
            return_exceptions=True,
        )
        won = [r for r in results if not isinstance(r, BaseException)]
        assert len(won) == 1, results
        lost = next(r for r in results if isinstance(r, BaseException))
        assert isinstance(lost, ValidationError) and "loop" in lost.message
        await links.unlink_contribution(db, child_id=a, parent_id=b)
        await links.unlink_contribution(db, child_id=b, parent_id=a)
