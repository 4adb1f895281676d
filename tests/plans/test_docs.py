"""The plan snippets of README ("Bring your organisation") and docs/PLAN_FORMAT.md run as written, the format
page names every field of the models, and the example CI workflow checks plans."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from graph.plans.models import Item, Plan
from tests.api.cli.test_main import cli_env
from tests.conftest import GraphQL
from tests.plans.helpers import cli
from tests.plans.small import COMMANDS, SMALL

__all__ = ["cli_env"]
DOCS = Path(__file__).resolve().parents[2] / "docs"
FORMAT = (DOCS / "PLAN_FORMAT.md").read_text(encoding="utf-8")
IMPORT = """
mutation($document: String!) {
  importPlan(document: $document, format: CSV_BUNDLE) { applied writes problems { message } }
}
"""


def test_the_readme_opens_with_export_check_and_import() -> None:
    assert [shlex.split(c)[:3] for c in COMMANDS] == [
        ["aligngraph", "plan", "export"],
        ["aligngraph", "plan", "check"],
        ["aligngraph", "plan", "import"],
    ]


@pytest.mark.usefixtures("cli_env", "demo")
async def test_the_readme_commands_and_plan_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for command in COMMANDS:
        result = await cli(*shlex.split(command)[1:])
        assert result.exit_code == 0, f"{command}\n{result.output}"
    (tmp_path / "acme.yaml").write_text(SMALL, encoding="utf-8")
    result = await cli("plan", "import", "acme.yaml")
    assert result.exit_code == 0, result.output
    assert "Imported:" in result.output


@pytest.mark.usefixtures("cli_env")
async def test_the_format_pages_yaml_example_imports(db: object, tmp_path: Path) -> None:
    (example,) = re.findall(r"```yaml\n(.*?)```", FORMAT, re.S)
    (tmp_path / "example.yaml").write_text(example, encoding="utf-8")
    result = await cli("plan", "import", str(tmp_path / "example.yaml"))
    assert result.exit_code == 0, result.output
    assert "Imported:" in result.output
    assert "history" in yaml.safe_load(example)


async def test_the_format_pages_csv_bundle_imports(gql: GraphQL) -> None:
    bundle = next(b for b in re.findall(r"```text\n(.*?)```", FORMAT, re.S) if b.startswith("### "))
    result = (await gql.ok(IMPORT, document=bundle))["importPlan"]
    assert result["problems"] == [] and result["applied"], result


def _fields(model: type[Item]) -> set[str]:
    names = set()
    for name, info in model.model_fields.items():
        names.add(info.alias or name)
        for arg in getattr(info.annotation, "__args__", (info.annotation,)):
            inner = getattr(arg, "__args__", (arg,))[0] if getattr(arg, "__origin__", None) is list else arg
            if isinstance(inner, type) and issubclass(inner, Item):
                names |= _fields(inner)
    return names


def test_the_format_page_names_every_field() -> None:
    missing = sorted(f for f in _fields(Plan) if f"`{f}`" not in FORMAT)
    assert missing == [], f"docs/PLAN_FORMAT.md does not name {missing}"


def test_the_example_workflow_loads_the_base_plans_and_checks_the_pull_requests() -> None:
    workflow = yaml.safe_load((DOCS / "plan-check.yml").read_text(encoding="utf-8"))
    steps = " ".join(step.get("run", "") for step in workflow["jobs"]["check"]["steps"])
    assert "aligngraph plan import /tmp/base/plans" in steps
    assert "aligngraph plan check plans --fail-on CRITICAL" in steps
    assert workflow["jobs"]["check"]["services"]["neo4j"]["image"].startswith("neo4j:5.26")
