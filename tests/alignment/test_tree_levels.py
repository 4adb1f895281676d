"""The API's level-by-level tree walk gives exactly the rows of alignment/alignment_tree, the analysts' query."""

from __future__ import annotations

import pytest

from graph.alignment.tree import alignment_tree
from graph.core.db import Database


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("root", ["prio-onboarding", "prio-resilience", "obj-digital-first-week"])
@pytest.mark.parametrize("depth", [1, 2, 4, 8])
async def test_level_walk_equals_the_full_query(db: Database, root: str, depth: int) -> None:
    tree = await alignment_tree(db, root_id=root, depth=depth)
    rows = await db.read("alignment/alignment_tree", rootId=root, depth=depth, valuesOn=None)
    full = [
        (row["depth"], row["parentId"], c["childId"], c["via"]) for row in rows[1:] for c in row["children"]
    ]
    walked = [(e.depth, e.parent_id, e.child.id, e.via.value) for e in tree.edges]
    assert walked == full
    assert len(walked) > 0
    assert tree.root.id == rows[0]["children"][0]["childId"] == root
