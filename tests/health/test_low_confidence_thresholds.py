"""Two thresholds are called "low confidence", and the README names both: a dependency is at risk at 4 of 10
or less (RiskReason LOW_CONFIDENCE), the health check flags 3 or less (AG_HEALTH_LOW_CONFIDENCE)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.alignment.dependencies import LOW_CONFIDENCE
from graph.health.checks import HealthThresholds
from tests.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")

README = Path(__file__).resolve().parents[2] / "README.md"
DEPENDENCIES = """{ crossTeamDependencies(cycleId: "cycle-2026-q1", asOf: "2026-02-15", first: 100) {
  nodes { riskReasons from { id } to { id } } } }"""
HEALTH = """{ health(cycleId: "cycle-2026-q1", asOf: "2026-02-15", checks: [LOW_CONFIDENCE]) {
  findings { subject { id } value limit } } }"""


async def flagged(gql: GraphQL) -> tuple[bool, bool]:
    """Whether obj-wait-on's confidence makes the dependency on it at risk, and the health check flag it."""
    deps = (await gql.ok(DEPENDENCIES))["crossTeamDependencies"]["nodes"]
    reasons = next(d["riskReasons"] for d in deps if d["to"]["id"] == "obj-wait-on")
    findings = (await gql.ok(HEALTH))["health"]["findings"]
    return "LOW_CONFIDENCE" in reasons, any(f["subject"]["id"] == "obj-wait-on" for f in findings)


async def test_confidence_4_is_a_dependency_risk_but_not_a_health_finding(gql: GraphQL) -> None:
    await gql.ok(
        """mutation { createObjective(input: {id: "obj-wait-on", title: "Verify in seconds", tier: TEAM,
                      ownerId: "team-identity", cycleId: "cycle-2026-q1", status: ACTIVE, confidence: 4}) { id } }"""
    )
    await gql.ok('mutation { linkDependency(fromId: "obj-discover-q1", toId: "obj-wait-on") { note } }')
    assert await flagged(gql) == (True, False)
    await gql.ok('mutation { updateObjective(id: "obj-wait-on", input: {confidence: 3}) { id } }')
    assert await flagged(gql) == (True, True)
    await gql.ok('mutation { updateObjective(id: "obj-wait-on", input: {confidence: 5}) { id } }')
    assert await flagged(gql) == (False, False)


def test_the_readme_names_both_thresholds_with_their_values() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())
    assert (
        f"a dependency is at risk when the objective it waits on has confidence {LOW_CONFIDENCE} or less"
        in text
    )
    default = HealthThresholds().low_confidence
    assert (
        f"health check `LOW_CONFIDENCE` flags confidence `AG_HEALTH_LOW_CONFIDENCE` ({default}) or less"
        in text
    )
