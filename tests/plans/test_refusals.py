"""A plan with any problem is refused whole: every problem with its file, line (or CSV row), field and the
mutations' error code, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.core.db import Database
from tests.api.cli.test_main import cli_env
from tests.conftest import GraphQL, count_nodes
from tests.plans.helpers import cli
from tests.plans.small import SMALL

__all__ = ["cli_env"]
pytestmark = pytest.mark.usefixtures("cli_env")

BAD = """\
organisation: {id: org-bad, name: Bad}
teams:
  - {id: b-co, name: Co, kind: COMPANY}
  - {id: b-t1, name: T1, kind: TEAM, parentId: b-co}
  - {id: b-t2, name: T2, kind: TEAM, parentId: b-nope}
  - {id: b-t1, name: T1 again, kind: TEAM, parentId: b-co}
cycles:
  - {id: b-2026, name: "2026", kind: YEAR, startDate: 2026-01-01, endDate: 2026-12-31}
  - {id: b-q5, name: Q5, kind: QUARTER, startDate: 2026-12-01, endDate: 2027-02-28, parentId: b-2026}
objectives:
  - {id: b-s, title: S, tier: STRATEGIC, ownerId: b-co, cycleId: b-2026}
  - {id: b-a, title: A, tier: TEAM, ownerId: b-t1, cycleId: b-2026}
  - id: b-b
    title: B
    tier: TEAM
    ownerId: b-t1
    cycleId: b-2026
    keyResults:
      - {id: b-k, title: K, direction: INCREASE, baseline: 10, target: 5}
contributions:
  - {childId: b-a, parentId: b-b}
  - {childId: b-b, parentId: b-a}
  - {childId: b-s, parentId: b-a}
"""


async def _refused(path: Path) -> list[str]:
    result = await cli("plan", "import", str(path))
    assert result.exit_code == 1, result.output
    assert "nothing was written" in result.output
    return result.output.splitlines()


async def test_every_problem_is_named_with_file_line_field_and_code(db: Database, tmp_path: Path) -> None:
    plan = tmp_path / "bad.yaml"
    plan.write_text(BAD, encoding="utf-8")
    lines = await _refused(plan)
    expected = [
        f"{plan}:5: teams[2].parentId: NOT_FOUND: No team with id 'b-nope' (parentId)",
        f"{plan}:6: teams[3].id: CONFLICT: id 'b-t1' is given twice (first at teams[1])",
        f"{plan}:9: cycles[1].endDate: VALIDATION: endDate 2027-02-28 is after parent cycle 'b-2026' ends (2026-12-31)",
        f"{plan}:19: objectives[2].keyResults[0].target: VALIDATION: target 5.0 is below baseline 10.0 but direction is INCREASE",
        f"{plan}:21: contributions[0].parentId: VALIDATION: linking 'b-a' to 'b-b' would make a CONTRIBUTES_TO loop",
        f"{plan}:22: contributions[1].parentId: VALIDATION: linking 'b-b' to 'b-a' would make a CONTRIBUTES_TO loop",
        f"{plan}:23: contributions[2].parentId: VALIDATION: CONTRIBUTES_TO never points down a tier: strategic 'b-s' "
        "cannot contribute to team-tier 'b-a'",
    ]
    for line in expected:
        assert line in lines, "\n".join(lines)
    assert await count_nodes(db) == 0


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("target: 90", "target: ninety"),
            ":29: objectives[1].keyResults[0].target: VALIDATION: Input should be a valid number",
        ),
        (
            ("ownerId: acme-web", "ownerId: acme-nope"),
            ":26: objectives[1].ownerId: NOT_FOUND: No team with id 'acme-nope'",
        ),
        (
            ("parentId: acme-digital-first-week", "parentId: acme-nowhere"),
            ":38: contributions[0].parentId: NOT_FOUND",
        ),
        (
            ("tier: TEAM\n    ownerId: acme-web", "tier: STRATEGIC\n    ownerId: acme-web"),
            ":26: objectives[1].ownerId: VALIDATION: a STRATEGIC objective belongs to the company or a business unit",
        ),
        (
            ("toId: acme-instant", "toId: acme-completion"),
            ":42: dependencies[0].toId: VALIDATION: DEPENDS_ON joins different teams",
        ),
        (
            ("name: Acme\n", "name: Acme\n  colour: red\n"),
            ":4: organisation.colour: VALIDATION: colour: extra inputs are not permitted",
        ),
        (
            ("  - {id: acme-web,", "  - {id: acme web,"),
            ":8: teams[2].id: VALIDATION: id 'acme web' must be 1-100 letters",
        ),
        (
            ("title: Make sign-up seamless", "title: '   '"),
            ":24: objectives[1].title: VALIDATION: title must not be empty",
        ),
        (("teams:\n", "teams: [\n"), ": VALIDATION: not valid YAML"),
    ],
)
async def test_one_problem_refuses_the_whole_plan(
    db: Database, tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    assert change[0] in SMALL
    plan = tmp_path / "plan.yaml"
    plan.write_text(SMALL.replace(change[0], change[1], 1), encoding="utf-8")
    lines = await _refused(plan)
    assert any(line.startswith(str(plan)) and expected in line for line in lines), "\n".join(lines)
    assert await count_nodes(db) == 0


async def test_csv_problems_name_the_sheet_and_row(db: Database, tmp_path: Path) -> None:
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    (sheets / "organisation.csv").write_text("id,name\norg-csv,CSV Co\n", encoding="utf-8")
    (sheets / "teams.csv").write_text(
        "id,name,kind,parentId\nc-co,Co,COMPANY,\nc-t,T,TEAM,c-co\n", encoding="utf-8"
    )
    (sheets / "cycles.csv").write_text(
        "id,name,kind,startDate,endDate\nc-2026,2026,YEAR,2026-01-01,2026-12-31\n", encoding="utf-8"
    )
    (sheets / "objectives.csv").write_text(
        "id,title,tier,ownerId,cycleId\nc-o,Goal,TEAM,c-t,c-2026\n", encoding="utf-8"
    )
    (sheets / "key_results.csv").write_text(
        "id,objectiveId,title,direction,baseline,target\nc-k1,c-o,Fine,INCREASE,1,2\nc-k2,c-o,Bad,DECREASE,1,2\n"
        "c-k3,c-nope,Lost,INCREASE,1,2\n",
        encoding="utf-8",
    )
    lines = await _refused(sheets)
    assert any(
        line.startswith(
            f"{sheets / 'key_results.csv'}:3: objectives[0].keyResults[1].target: VALIDATION: target 2.0 is above"
        )
        for line in lines
    ), "\n".join(lines)
    assert (
        f"{sheets / 'key_results.csv'}:4: keyResults: NOT_FOUND: objectiveId 'c-nope' names no objective of objectives.csv"
        in lines
    )
    assert await count_nodes(db) == 0


CLOSE = "mutation($id: ID!) { closeCycle(cycleId: $id) { status } }"


def _line(text: str, part: str) -> int:
    return text[: text.index(part)].count("\n") + 1


async def test_a_closed_cycles_objectives_are_frozen_as_for_the_mutations(
    db: Database, gql: GraphQL, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(SMALL, encoding="utf-8")
    assert (await cli("plan", "import", str(plan))).exit_code == 0
    assert (await gql.ok(CLOSE, id="acme-2026-q1"))["closeCycle"]["status"] == "CLOSED"
    nodes = await count_nodes(db)
    assert "Nothing to write" in (await cli("plan", "import", str(plan))).output  # unchanged is fine
    new_kr = "      - {id: acme-instant-2, title: Instant checks in 5 s, direction: DECREASE, baseline: 30, target: 5}\n"
    changed = SMALL.replace("target: 90, current: 70}", "target: 90, current: 75}")
    at = changed.index("contributions:")
    changed = changed[:at] + new_kr + changed[at:]
    changed = changed.replace(
        "supports:", "  - {childId: acme-id-q1, parentId: acme-digital-first-week}\nsupports:"
    )
    plan.write_text(changed, encoding="utf-8")
    lines = await _refused(plan)
    frozen = "a closed cycle's objectives are frozen"
    assert lines[lines.index("The plan has 3 problem(s); nothing was written.") + 1 :] == [
        f"{plan}:{_line(changed, 'current: 75')}: objectives[1].keyResults[0].current: CONFLICT: "
        f"'acme-completion' is in closed cycle 'acme-2026-q1'; {frozen}",
        f"{plan}:{_line(changed, 'acme-instant-2')}: objectives[2].keyResults[1].id: CONFLICT: "
        f"'acme-id-q1' is in closed cycle 'acme-2026-q1'; {frozen}",
        f"{plan}:{_line(changed, '{childId: acme-id-q1')}: contributions[1].childId: CONFLICT: "
        f"'acme-id-q1' is in closed cycle 'acme-2026-q1'; {frozen}",
    ]
    assert await count_nodes(db) == nodes
    # --prune leaves a closed cycle alone: acme-id-q1 stays active, its dependency stays.
    start, end = SMALL.index("  - id: acme-id-q1"), SMALL.index("contributions:")
    plan.write_text(SMALL[:start] + SMALL[end:].split("dependencies:")[0], encoding="utf-8")
    pruned = await cli("plan", "import", "--prune", str(plan))
    assert pruned.exit_code == 0 and "Nothing to write" in pruned.output, pruned.output
