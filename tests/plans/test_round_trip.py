"""`aligngraph plan export` then `plan import` into an empty database then export again: the same bytes, for
the demo (with its history, as YAML and as CSV sheets) and a 60-team synthetic organisation; re-import is a
no-op; the YAML and the CSV sheets of one plan give the same graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.cli.plan import SCHEMA_PATH, schema_text
from graph.core.db import Database
from graph.seed import synthetic, synthetic_load, synthetic_shape
from tests.api.cli.test_main import cli_env
from tests.conftest import count_edges, count_nodes
from tests.plans.helpers import cli, graph_dump, wipe

__all__ = ["cli_env"]
pytestmark = pytest.mark.usefixtures("cli_env")
ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_json_schema_is_the_generated_one() -> None:
    assert (ROOT / SCHEMA_PATH).read_text(encoding="utf-8") == schema_text(), "run `aligngraph plan schema`"


def _same_bytes(first: Path, second: Path) -> None:
    """The two exports (a file, or directories of sheets) hold the same bytes."""
    if first.is_file():
        assert second.read_bytes() == first.read_bytes()
        return
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (second / name).read_bytes() == (first / name).read_bytes(), name


async def _round_trip(db: Database, tmp_path: Path, org: str, *extra: str) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    suffix = ".yaml" if "csv" not in extra else ""
    result = await cli("plan", "export", "--org", org, "--out", f"{first}{suffix}", *extra)
    assert result.exit_code == 0, result.output
    await wipe(db)
    result = await cli("plan", "import", f"{first}{suffix}")
    assert result.exit_code == 0, result.output
    assert "Imported:" in result.output
    result = await cli("plan", "export", "--org", org, "--out", f"{second}{suffix}", *extra)
    assert result.exit_code == 0, result.output
    _same_bytes(Path(f"{first}{suffix}"), Path(f"{second}{suffix}"))
    before = (await count_nodes(db), await count_edges(db))
    result = await cli("plan", "import", f"{first}{suffix}")
    assert result.exit_code == 0, result.output
    assert "Nothing to write: the graph already holds this plan." in result.output
    assert (await count_nodes(db), await count_edges(db)) == before


@pytest.mark.usefixtures("demo")
async def test_demo_round_trip_with_history_is_byte_identical(db: Database, tmp_path: Path) -> None:
    await _round_trip(db, tmp_path, "org-bank", "--history")
    text = (tmp_path / "first.yaml").read_text(encoding="utf-8")
    assert "checkIns:" in text and "retrospectives:" in text


@pytest.mark.usefixtures("demo")
async def test_demo_round_trip_as_csv_sheets(db: Database, tmp_path: Path) -> None:
    await _round_trip(db, tmp_path, "org-bank", "--history", "--format", "csv")
    assert (tmp_path / "first" / "key_results.csv").exists()


async def test_synthetic_60_teams_round_trip(db: Database, tmp_path: Path) -> None:
    org = synthetic.build(synthetic_shape.Size.scaled(60), 7)
    await synthetic_load.load_synthetic(db, org)
    await _round_trip(db, tmp_path, synthetic_shape.ORG_ID)
    text = (tmp_path / "first.yaml").read_text(encoding="utf-8")
    assert text.count("\n  ownerId: ") >= 200


@pytest.mark.usefixtures("demo")
async def test_yaml_and_csv_sheets_import_to_identical_graphs(db: Database, tmp_path: Path) -> None:
    for args in (
        ["--out", str(tmp_path / "plan.yaml")],
        ["--format", "csv", "--out", str(tmp_path / "sheets")],
    ):
        result = await cli("plan", "export", "--org", "org-bank", "--history", *args)
        assert result.exit_code == 0, result.output
    await wipe(db)
    assert (await cli("plan", "import", str(tmp_path / "plan.yaml"))).exit_code == 0
    from_yaml = await graph_dump(db)
    await wipe(db)
    result = await cli("plan", "import", str(tmp_path / "sheets"))
    assert result.exit_code == 0, result.output
    assert await graph_dump(db) == from_yaml
    assert len(from_yaml[0]) > 100
