"""OKR health over GraphQL: each anti-pattern made through mutations is found, with its numbers; healthy OKRs
are not. The organisation: Acme (objectiveLimit 2), a BU with teams Alpha and Beta, 2026 and its Q4."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

import pytest

from graph.core.db import Database
from tests.conftest import GraphQL

HEALTH = """
query($cycleId: ID!, $unitId: ID, $asOf: Date, $checks: [HealthCheck!]) {
  health(cycleId: $cycleId, unitId: $unitId, asOf: $asOf, checks: $checks) {
    asOf critical warnings infos
    findings { check severity message value limit subject { kind id title } owner { id } cycle { id } }
  }
}
"""

ORG = """
mutation {
  org: createOrganisation(input: {id: "acme", name: "Acme", objectiveLimit: 2}) { id objectiveLimit }
  y: createCycle(input: {id: "y26", name: "2026", kind: YEAR, startDate: "2026-01-01", endDate: "2026-12-31"}) { id }
}
"""
UNITS = """
mutation {
  q4: createCycle(input: {id: "q4", name: "Q4 2026", kind: QUARTER, parentId: "y26",
                          startDate: "2026-10-01", endDate: "2026-12-31"}) { id }
  co: createTeam(input: {id: "co", name: "Acme", kind: COMPANY, organisationId: "acme"}) { id }
}
"""
TEAMS = """
mutation {
  bu: createTeam(input: {id: "bu", name: "Products", kind: BUSINESS_UNIT, organisationId: "acme", parentId: "co"}) { id }
}
"""
SUB_TEAMS = """
mutation {
  a: createTeam(input: {id: "alpha", name: "Alpha", kind: TEAM, organisationId: "acme", parentId: "bu"}) { id }
  b: createTeam(input: {id: "beta", name: "Beta", kind: TEAM, organisationId: "acme", parentId: "bu"}) { id }
}
"""


async def _org(gql: GraphQL) -> None:
    for mutation in (ORG, UNITS, TEAMS, SUB_TEAMS):
        await gql.ok(mutation)


def _objective(
    id: str,
    owner: str,
    *,
    tier: str = "TEAM",
    cycle: str = "q4",
    status: str = "ACTIVE",
    confidence: int | None = 7,
    title: str | None = None,
) -> str:
    conf = "null" if confidence is None else str(confidence)
    return (
        f'{id.replace("-", "_")}: createObjective(input: {{id: "{id}", title: "{title or id}", tier: {tier}, '
        f'ownerId: "{owner}", cycleId: "{cycle}", status: {status}, confidence: {conf}}}) {{ id }}'
    )


def _kr(
    id: str, objective: str, title: str, extra: str = "baseline: 10, target: 20, direction: INCREASE"
) -> str:
    return (
        f'{id.replace("-", "_")}: createKeyResult(input: {{id: "{id}", objectiveId: "{objective}", '
        f'title: "{title}", kind: METRIC, unit: "%", {extra}}}) {{ id }}'
    )


async def _mutate(gql: GraphQL, *fields: str) -> None:
    await gql.ok("mutation {\n" + "\n".join(fields) + "\n}")


async def _findings(gql: GraphQL, **variables: Any) -> list[dict[str, Any]]:
    data = await gql.ok(HEALTH, **variables)
    findings: list[dict[str, Any]] = data["health"]["findings"]
    return findings


def _brief(findings: list[dict[str, Any]]) -> list[tuple[str, str, str, str]]:
    return [(f["check"], f["severity"], f["subject"]["id"], f["message"]) for f in findings]


async def test_kpis_in_disguise(gql: GraphQL) -> None:
    await _org(gql)
    await _mutate(gql, _objective("o-kpi", "alpha"))
    await _mutate(
        gql,
        _kr("kr-no-baseline", "o-kpi", "Active users", "target: 5000, direction: INCREASE"),
        _kr("kr-level", "o-kpi", "Availability", "baseline: 99.9, target: 99.9, direction: STAY_AT_OR_ABOVE"),
        _kr("kr-moves", "o-kpi", "Activation from 10% to 20%"),
        _kr("kr-rail", "o-kpi", "Keep errors low", "baseline: 0.4, target: 0.5, direction: STAY_AT_OR_BELOW"),
    )
    findings = await _findings(gql, cycleId="q4", checks=["KPI_IN_DISGUISE"])
    assert _brief(findings) == [
        (
            "KPI_IN_DISGUISE",
            "WARNING",
            "kr-no-baseline",
            "no baseline: a metric with target 5000 % but nothing to move from",
        ),
        (
            "KPI_IN_DISGUISE",
            "INFO",
            "kr-level",
            "target 99.9 % equals the baseline: nothing moves (a guard-rail: fine if it only watches a level)",
        ),
    ]
    assert findings[0]["subject"] == {"kind": "KEY_RESULT", "id": "kr-no-baseline", "title": "Active users"}
    assert findings[0]["owner"] == {"id": "alpha"} and findings[0]["cycle"] == {"id": "q4"}
    assert findings[0]["value"] is None and findings[0]["limit"] is None
    # Giving the KR a baseline cures it.
    await gql.ok('mutation { updateKeyResult(id: "kr-no-baseline", input: {baseline: 1000}) { id } }')
    assert [f["subject"]["id"] for f in await _findings(gql, cycleId="q4", checks=["KPI_IN_DISGUISE"])] == [
        "kr-level"
    ]


async def test_objectives_with_no_or_too_many_key_results(gql: GraphQL) -> None:
    await _org(gql)
    await _mutate(
        gql,
        _objective("o-empty", "alpha"),
        _objective("o-draft", "alpha", status="DRAFT"),
        _objective("o-many", "beta"),
        _objective("o-five", "beta"),
    )
    await _mutate(
        gql,
        *(_kr(f"kr-many-{n}", "o-many", f"Many {n}") for n in range(6)),
        *(_kr(f"kr-five-{n}", "o-five", f"Five {n}") for n in range(5)),
    )
    checks = ["NO_KEY_RESULTS", "TOO_MANY_KEY_RESULTS"]
    findings = await _findings(gql, cycleId="q4", checks=checks)
    assert _brief(findings) == [
        ("NO_KEY_RESULTS", "CRITICAL", "o-empty", "no key results: nothing says when it is reached"),
        ("NO_KEY_RESULTS", "WARNING", "o-draft", "no key results: nothing says when it is reached"),
        (
            "TOO_MANY_KEY_RESULTS",
            "WARNING",
            "o-many",
            "6 key results (limit 5): focus on the few that matter most",
        ),
    ]
    assert [(f["value"], f["limit"]) for f in findings] == [(0, None), (0, None), (6, 5)]
    assert findings[2]["subject"] == {"kind": "OBJECTIVE", "id": "o-many", "title": "o-many"}
    # Archived objectives are out of the way.
    await gql.ok('mutation { updateObjective(id: "o-empty", input: {status: ARCHIVED}) { id } }')
    assert [f["subject"]["id"] for f in await _findings(gql, cycleId="q4", checks=checks)] == [
        "o-draft",
        "o-many",
    ]


async def test_teams_above_their_organisations_objective_limit(gql: GraphQL) -> None:
    await _org(gql)
    # Alpha: 3 objectives in Q4 (limit 2), one more in the year itself; Beta: 2 in Q4 (at the limit).
    await _mutate(
        gql,
        *(_objective(f"o-alpha-{n}", "alpha") for n in (1, 2, 3)),
        _objective("o-alpha-year", "alpha", cycle="y26"),
        *(_objective(f"o-beta-{n}", "beta") for n in (1, 2)),
    )
    checks = ["OBJECTIVE_LIMIT_EXCEEDED"]
    expected = [
        (
            "OBJECTIVE_LIMIT_EXCEEDED",
            "WARNING",
            "alpha",
            "3 objectives in Q4 2026 (limit 2): o-alpha-1, o-alpha-2, o-alpha-3",
        )
    ]
    findings = await _findings(gql, cycleId="q4", checks=checks)
    assert _brief(findings) == expected
    assert findings[0]["subject"] == {"kind": "TEAM", "id": "alpha", "title": "Alpha"}
    assert (findings[0]["value"], findings[0]["limit"], findings[0]["owner"]) == (3, 2, {"id": "alpha"})
    # A year counts each of its cycles apart: the year objective does not add to Q4's three.
    assert _brief(await _findings(gql, cycleId="y26", checks=checks)) == expected

    # Without its own limit the organisation gets the default, 3; at 7 objectives (above twice 3) it is critical.
    data = await gql.ok(
        'mutation { updateOrganisation(id: "acme", input: {objectiveLimit: null}) { objectiveLimit } }'
    )
    assert data == {"updateOrganisation": {"objectiveLimit": None}}
    assert await _findings(gql, cycleId="q4", checks=checks) == []
    await _mutate(gql, *(_objective(f"o-alpha-{n}", "alpha") for n in (4, 5, 6, 7)))
    findings = await _findings(gql, cycleId="q4", checks=checks)
    assert [(f["severity"], f["value"], f["limit"]) for f in findings] == [("CRITICAL", 7, 3)]


async def test_objective_limit_is_validated(gql: GraphQL) -> None:
    for bad in (0, 51):
        error = await gql.error(
            'mutation($limit: Int) { createOrganisation(input: {name: "X", objectiveLimit: $limit}) { id } }',
            limit=bad,
        )
        assert error["extensions"]["code"] == "VALIDATION"
        assert (error["extensions"]["field"], error["extensions"]["value"]) == ("objectiveLimit", bad)
    await _org(gql)
    error = await gql.error('mutation { updateOrganisation(id: "acme", input: {objectiveLimit: -1}) { id } }')
    assert error["extensions"]["field"] == "objectiveLimit"
    data = await gql.ok(
        'mutation { updateOrganisation(id: "acme", input: {objectiveLimit: 4}) { objectiveLimit } }'
    )
    assert data["updateOrganisation"]["objectiveLimit"] == 4
    assert (await gql.ok('{ organisation(id: "acme") { objectiveLimit } }'))["organisation"] == {
        "objectiveLimit": 4
    }


async def test_team_objectives_that_copy_their_parents_key_results(gql: GraphQL) -> None:
    await _org(gql)
    await _mutate(gql, _objective("o-strategy", "bu", tier="STRATEGIC", cycle="y26"))
    await _mutate(
        gql,
        _kr("kr-s-nps", "o-strategy", "Raise first-week NPS from 20 to 35"),
        _kr("kr-s-calls", "o-strategy", "Cut support call time by 15%"),
        _objective("o-partly", "alpha"),
        _objective("o-copy", "beta"),
        _objective("o-own", "beta"),
    )
    await _mutate(
        gql,
        # Alpha copies one KR (other case and spacing) and writes one of its own.
        _kr("kr-p-nps", "o-partly", "  raise FIRST-WEEK nps   from 20 to 35 "),
        _kr("kr-p-own", "o-partly", "Tutorial engagement from 15% to 50%"),
        # Beta's o-copy contributes to a KR of the strategy and copies both; o-own only sounds alike.
        _kr("kr-c-nps", "o-copy", "Raise first-week NPS from 20 to 35"),
        _kr("kr-c-calls", "o-copy", "Cut support call\\ttime by 15%"),
        _kr("kr-o-nps", "o-own", "Raise first-week NPS from 20 to 30"),
        'a: linkContribution(childId: "o-partly", parentId: "o-strategy") { weight }',
        'b: linkContribution(childId: "o-copy", parentId: "kr-s-calls") { weight }',
        'c: linkContribution(childId: "o-own", parentId: "o-strategy") { weight }',
    )
    findings = await _findings(gql, cycleId="q4", checks=["CASCADED_KEY_RESULTS"])
    assert _brief(findings) == [
        (
            "CASCADED_KEY_RESULTS",
            "CRITICAL",
            "o-copy",
            "2 of 2 key results copy those of o-strategy word for word: "
            '"Cut support call\ttime by 15%"; "Raise first-week NPS from 20 to 35"',
        ),
        (
            "CASCADED_KEY_RESULTS",
            "WARNING",
            "o-partly",
            "1 of 2 key results copy those of o-strategy word for word: "
            '"raise FIRST-WEEK nps   from 20 to 35"',
        ),
    ]
    assert [(f["value"], f["limit"]) for f in findings] == [(2, None), (1, None)]


async def test_stale_measurements_as_of_a_day(gql: GraphQL) -> None:
    await _org(gql)
    await _mutate(gql, _objective("o-measured", "alpha"), _objective("o-draft", "beta", status="DRAFT"))
    await _mutate(
        gql,
        _kr("kr-fresh", "o-measured", "Fresh"),
        _kr("kr-stale", "o-measured", "Stale"),
        _kr("kr-never", "o-measured", "Never"),
        _kr("kr-draft", "o-draft", "Not under way yet"),
        'm: createKeyResult(input: {id: "kr-milestone", objectiveId: "o-measured", title: "Ship", kind: MILESTONE}) { id }',
    )
    await gql.ok(
        """
        mutation {
          pushKeyResultValues(values: [
            {keyResultId: "kr-fresh", value: 12, observedAt: "2026-11-05T08:00:00Z", source: "ci"},
            {keyResultId: "kr-stale", value: 11, observedAt: "2026-10-20T23:30:00Z", source: "ci"},
            {keyResultId: "kr-stale", value: 13, observedAt: "2026-11-20T08:00:00Z", source: "ci"}
          ]) { accepted }
        }
        """
    )
    checks = ["STALE_MEASUREMENT"]
    findings = await _findings(gql, cycleId="q4", asOf="2026-11-10", checks=checks)
    assert _brief(findings) == [
        (
            "STALE_MEASUREMENT",
            "CRITICAL",
            "kr-never",
            "never measured; Q4 2026 started 40 days ago (limit 14)",
        ),
        (
            "STALE_MEASUREMENT",
            "WARNING",
            "kr-stale",
            "last measurement 21 days ago, on 2026-10-20 (limit 14)",
        ),
    ]
    assert [(f["value"], f["limit"]) for f in findings] == [(40, 14), (21, 14)]
    # Exactly at the limit is not stale yet; a value observed after asOf does not count yet.
    assert [
        (f["severity"], f["subject"]["id"])
        for f in await _findings(gql, cycleId="q4", asOf="2026-11-03", checks=checks)
    ] == [("CRITICAL", "kr-fresh"), ("CRITICAL", "kr-never")]
    assert [
        (f["severity"], f["subject"]["id"])
        for f in await _findings(gql, cycleId="q4", asOf="2026-11-20", checks=checks)
    ] == [("CRITICAL", "kr-never"), ("WARNING", "kr-fresh")]
    # After the cycle, it is judged on its last day.
    assert _brief(await _findings(gql, cycleId="q4", asOf="2027-02-01", checks=checks)) == [
        (
            "STALE_MEASUREMENT",
            "CRITICAL",
            "kr-fresh",
            "last measurement 56 days before it ended, on 2026-11-05 (limit 14)",
        ),
        (
            "STALE_MEASUREMENT",
            "CRITICAL",
            "kr-never",
            "never measured; Q4 2026 started 91 days before it ended (limit 14)",
        ),
        (
            "STALE_MEASUREMENT",
            "CRITICAL",
            "kr-stale",
            "last measurement 41 days before it ended, on 2026-11-20 (limit 14)",
        ),
    ]
    # Nothing is stale before its cycle starts, and 14 days into it is within the limit.
    assert await _findings(gql, cycleId="q4", asOf="2026-09-01", checks=checks) == []
    assert await _findings(gql, cycleId="q4", asOf="2026-10-15", checks=checks) == []


async def test_low_confidence(gql: GraphQL) -> None:
    await _org(gql)
    await _mutate(
        gql,
        _objective("o-low", "alpha", confidence=3),
        _objective("o-lost", "alpha", confidence=1),
        _objective("o-fine", "beta", confidence=4),
        _objective("o-unknown", "beta", confidence=None),
        _objective("o-draft", "beta", confidence=0, status="DRAFT"),
    )
    findings = await _findings(gql, cycleId="q4", asOf="2026-11-10", checks=["LOW_CONFIDENCE"])
    assert _brief(findings) == [
        ("LOW_CONFIDENCE", "CRITICAL", "o-lost", "confidence 1 of 10 (low at 3 or less)"),
        ("LOW_CONFIDENCE", "WARNING", "o-low", "confidence 3 of 10 (low at 3 or less)"),
    ]
    assert [(f["value"], f["limit"]) for f in findings] == [(1, 3), (3, 3)]


async def test_scope_report_and_errors(gql: GraphQL) -> None:
    await _org(gql)
    await _mutate(
        gql,
        _objective("o-alpha", "alpha", confidence=2),
        _objective("o-beta", "beta"),
        _objective("o-strategy", "bu", tier="STRATEGIC", cycle="y26"),
    )
    await _mutate(gql, _kr("kr-beta", "o-beta", "Beta's KR"), _kr("kr-strategy", "o-strategy", "Strategy KR"))
    await gql.ok(
        """
        mutation {
          pushKeyResultValues(values: [
            {keyResultId: "kr-beta", value: 12, observedAt: "2026-11-05T08:00:00Z", source: "ci"},
            {keyResultId: "kr-strategy", value: 12, observedAt: "2026-11-05T08:00:00Z", source: "ci"}
          ]) { accepted }
        }
        """
    )
    everything = await gql.ok(HEALTH, cycleId="y26", asOf="2026-11-10")
    report = everything["health"]
    never = "never checked in; Q4 2026 started 40 days ago (limit 14)"
    assert report["asOf"] == "2026-11-10"
    assert _brief(report["findings"]) == [
        ("NO_KEY_RESULTS", "CRITICAL", "o-alpha", "no key results: nothing says when it is reached"),
        ("STALE_CHECK_IN", "CRITICAL", "o-alpha", never),
        ("STALE_CHECK_IN", "CRITICAL", "o-beta", never),
        ("LOW_CONFIDENCE", "WARNING", "o-alpha", "confidence 2 of 10 (low at 3 or less)"),
    ]
    assert (report["critical"], report["warnings"], report["infos"]) == (3, 1, 0)
    # A quarter leaves out the year's strategy (which is healthy anyway); a team its sibling; the BU keeps all.
    assert _brief((await gql.ok(HEALTH, cycleId="q4", asOf="2026-11-10"))["health"]["findings"]) == _brief(
        report["findings"]
    )
    beta = await _findings(gql, cycleId="y26", unitId="beta", asOf="2026-11-10")
    assert _brief(beta) == [("STALE_CHECK_IN", "CRITICAL", "o-beta", never)]
    assert _brief(await _findings(gql, cycleId="y26", unitId="bu", asOf="2026-11-10")) == _brief(
        report["findings"]
    )

    for variables, field in (
        ({"cycleId": "nope"}, "cycleId"),
        ({"cycleId": "q4", "unitId": "nope"}, "unitId"),
    ):
        error = await gql.error(HEALTH, **variables)
        assert error["extensions"]["code"] == "NOT_FOUND"
        assert error["extensions"]["field"] == field


async def test_a_report_costs_one_query_per_check(gql: GraphQL, db: Database) -> None:
    await _org(gql)
    await _mutate(gql, *(_objective(f"o-{n}", "alpha" if n % 2 else "beta", confidence=1) for n in range(8)))
    before = db.query_count
    await gql.ok("{ __typename }")
    overhead = db.query_count - before  # whatever every request costs (e.g. looking up its token)
    before = db.query_count
    findings = await _findings(gql, cycleId="q4", asOf="2026-11-10")
    # 8 checks, then owners and cycles through one loader query each, however many findings there are.
    assert len(findings) == 8 * 3 + 2
    assert db.query_count - before - overhead == 8 + 2


@pytest.mark.usefixtures("demo")
async def test_the_demo_plans_its_okrs_well(gql: GraphQL) -> None:
    quality = [
        "KPI_IN_DISGUISE",
        "NO_KEY_RESULTS",
        "TOO_MANY_KEY_RESULTS",
        "OBJECTIVE_LIMIT_EXCEEDED",
        "CASCADED_KEY_RESULTS",
    ]
    for cycle in ("cycle-2026-q1", "cycle-2026"):
        assert await _findings(gql, cycleId=cycle, checks=quality) == []


CHECK_IN = """
mutation($objectiveId: ID!, $confidence: Int!, $values: [CheckInValueInput!]! = []) {
  recordCheckIn(input: {objectiveId: $objectiveId, confidence: $confidence, values: $values,
                        plan: "Keep going", author: "Lee"}) { id }
}
"""


async def test_check_ins_staleness_and_confidence(gql: GraphQL) -> None:
    # Check-ins are stamped with the time they are recorded, so this cycle runs from 30 days ago.
    today = dt.datetime.now(dt.UTC).date()
    start, end = today - dt.timedelta(days=30), today + dt.timedelta(days=60)
    await _org(gql)
    await gql.ok(
        f'mutation {{ createCycle(input: {{id: "now", name: "Now", kind: YEAR, startDate: "{start}", '
        f'endDate: "{end}"}}) {{ id }} }}'
    )
    await _mutate(
        gql,
        _objective("o-falling", "alpha", cycle="now", confidence=8),
        _objective("o-steady", "beta", cycle="now", confidence=6),
        _objective("o-never", "beta", cycle="now", confidence=6),
        _objective("o-strategy", "bu", cycle="now", tier="STRATEGIC", confidence=6),
    )
    await _mutate(
        gql,
        _kr("kr-falling", "o-falling", "Falling"),
        _kr("kr-steady", "o-steady", "Steady"),
        _kr("kr-strategy", "o-strategy", "Strategy"),
        _kr("kr-never", "o-never", "Never"),
    )
    await gql.ok(
        CHECK_IN, objectiveId="o-falling", confidence=8, values=[{"keyResultId": "kr-falling", "value": 11}]
    )
    await gql.ok(
        CHECK_IN, objectiveId="o-falling", confidence=4, values=[{"keyResultId": "kr-falling", "value": 12}]
    )
    await gql.ok(
        CHECK_IN, objectiveId="o-steady", confidence=6, values=[{"keyResultId": "kr-steady", "value": 12}]
    )
    await gql.ok(
        "mutation($values: [KeyResultValueInput!]!) { pushKeyResultValues(values: $values) { accepted } }",
        values=[
            {"keyResultId": "kr-strategy", "value": 11, "observedAt": f"{today}T00:00:00Z", "source": "bi"}
        ],
    )
    checks = ["STALE_CHECK_IN", "STALE_MEASUREMENT", "LOW_CONFIDENCE", "FALLING_CONFIDENCE"]

    findings = await _findings(gql, cycleId="now", asOf=str(today), checks=checks)
    assert _brief(findings) == [
        ("STALE_MEASUREMENT", "CRITICAL", "kr-never", "never measured; Now started 30 days ago (limit 14)"),
        ("STALE_CHECK_IN", "CRITICAL", "o-never", "never checked in; Now started 30 days ago (limit 14)"),
        (
            "FALLING_CONFIDENCE",
            "WARNING",
            "o-falling",
            f"confidence fell from 8 to 4 between the check-ins of {today} and {today} (alert at a drop of 3)",
        ),
    ]
    assert (findings[2]["value"], findings[2]["limit"]) == (4, 3)

    # A third check-in: 4 to 2 is a drop of 2, not falling by the rule, but 2 is low.
    await gql.ok(CHECK_IN, objectiveId="o-falling", confidence=2)
    findings = await _findings(
        gql, cycleId="now", asOf=str(today), checks=["LOW_CONFIDENCE", "FALLING_CONFIDENCE"]
    )
    assert _brief(findings) == [
        ("LOW_CONFIDENCE", "WARNING", "o-falling", "confidence 2 of 10 (low at 3 or less)")
    ]
    # Set by hand since the last check-in, the objective's own confidence is the latest word.
    await gql.ok('mutation { updateObjective(id: "o-falling", input: {confidence: 1}) { id } }')
    findings = await _findings(gql, cycleId="now", asOf=str(today), checks=["LOW_CONFIDENCE"])
    assert [(f["severity"], f["value"]) for f in findings] == [("CRITICAL", 1)]

    # Fifteen days on, nobody has checked in or measured since today.
    later = today + dt.timedelta(days=15)
    findings = await _findings(
        gql, cycleId="now", asOf=str(later), checks=["STALE_CHECK_IN", "STALE_MEASUREMENT"]
    )
    assert _brief(findings) == [
        ("STALE_MEASUREMENT", "CRITICAL", "kr-never", "never measured; Now started 45 days ago (limit 14)"),
        ("STALE_CHECK_IN", "CRITICAL", "o-never", "never checked in; Now started 45 days ago (limit 14)"),
        *(
            ("STALE_MEASUREMENT", "WARNING", kr, f"last measurement 15 days ago, on {today} (limit 14)")
            for kr in ("kr-falling", "kr-steady", "kr-strategy")
        ),
        *(
            ("STALE_CHECK_IN", "WARNING", o, f"last check-in 15 days ago, on {today} (limit 14)")
            for o in ("o-falling", "o-steady")
        ),
    ]

    # Yesterday, none of today's check-ins had happened: no confidence from them, and none checked in yet.
    yesterday = today - dt.timedelta(days=1)
    findings = await _findings(gql, cycleId="now", asOf=str(yesterday), checks=checks)
    never = "never checked in; Now started 29 days ago (limit 14)"
    assert [f for f in _brief(findings) if f[0] == "STALE_CHECK_IN"] == [
        ("STALE_CHECK_IN", "CRITICAL", o, never) for o in ("o-falling", "o-never", "o-steady")
    ]
    assert not [f for f in findings if f["check"] in ("LOW_CONFIDENCE", "FALLING_CONFIDENCE")]


@pytest.mark.usefixtures("demo")
async def test_the_demo_on_15_february(gql: GraphQL) -> None:
    never_measured = "never measured; Q1 2026 started 45 days ago (limit 14)"
    never_checked = "never checked in; Q1 2026 started 45 days ago (limit 14)"
    data = await gql.ok(HEALTH, cycleId="cycle-2026-q1", asOf="2026-02-15")
    assert _brief(data["health"]["findings"]) == [
        *(
            ("STALE_MEASUREMENT", "CRITICAL", kr, never_measured)
            for kr in (
                "kr-devex-pairing-hours",
                "kr-discover-completion",
                "kr-discover-tutorial",
                "kr-payments-failures",
                "kr-sre-availability",
                "kr-sre-runbooks",
            )
        ),
        *(
            ("STALE_CHECK_IN", "CRITICAL", o, never_checked)
            for o in ("obj-devex-q1", "obj-payments-q1", "obj-sre-q1")
        ),
        (
            "FALLING_CONFIDENCE",
            "CRITICAL",
            "obj-identity-q1",
            "confidence fell from 6 to 3 between the check-ins of 2026-02-02 and 2026-02-09 (alert at a drop of 3)",
        ),
        ("LOW_CONFIDENCE", "WARNING", "obj-identity-q1", "confidence 3 of 10 (low at 3 or less)"),
    ]
    # A week earlier Identity was still at 6.
    data = await gql.ok(
        HEALTH, cycleId="cycle-2026-q1", asOf="2026-02-08", checks=["LOW_CONFIDENCE", "FALLING_CONFIDENCE"]
    )
    assert data["health"]["findings"] == []


PAGE = """
query($cycleId: ID!, $asOf: Date, $checks: [HealthCheck!], $minSeverity: Severity, $first: Int, $after: String) {
  health(cycleId: $cycleId, asOf: $asOf, checks: $checks, minSeverity: $minSeverity, first: $first,
         after: $after) {
    critical warnings infos totalCount
    findings { check severity message value limit subject { kind id title } owner { id } cycle { id } }
    edges { cursor node { check subject { id } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def _many_findings(gql: GraphQL) -> None:
    """Alpha: three objectives with confidence 1 and no KRs, one over the limit of 2; Beta: one objective whose
    two KRs are KPIs in disguise (one a guard-rail); nobody has checked in or measured anything."""
    await _org(gql)
    await _mutate(
        gql,
        *(_objective(f"o-a{n}", "alpha", confidence=1) for n in (1, 2, 3)),
        _objective("o-b1", "beta"),
    )
    await _mutate(
        gql,
        _kr("kr-b-nobase", "o-b1", "No baseline", "target: 5, direction: INCREASE"),
        _kr("kr-b-rail", "o-b1", "Rail", "baseline: 1, target: 1, direction: STAY_AT_OR_ABOVE"),
    )


EVERY_FINDING = [
    *(("NO_KEY_RESULTS", "CRITICAL", o) for o in ("o-a1", "o-a2", "o-a3")),
    *(("STALE_MEASUREMENT", "CRITICAL", kr) for kr in ("kr-b-nobase", "kr-b-rail")),
    *(("STALE_CHECK_IN", "CRITICAL", o) for o in ("o-a1", "o-a2", "o-a3", "o-b1")),
    *(("LOW_CONFIDENCE", "CRITICAL", o) for o in ("o-a1", "o-a2", "o-a3")),
    ("KPI_IN_DISGUISE", "WARNING", "kr-b-nobase"),
    ("OBJECTIVE_LIMIT_EXCEEDED", "WARNING", "alpha"),
    ("KPI_IN_DISGUISE", "INFO", "kr-b-rail"),
]


def _keys(findings: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return [(f["check"], f["severity"], f["subject"]["id"]) for f in findings]


def _counts(report: dict[str, Any]) -> tuple[int, int, int, int]:
    return report["critical"], report["warnings"], report["infos"], report["totalCount"]


async def _pages(gql: GraphQL, first: int, **variables: Any) -> list[dict[str, Any]]:
    """Every page of the report, following endCursor until hasNextPage is false."""
    pages, after = [], None
    while True:
        report = (await gql.ok(PAGE, cycleId="q4", asOf="2026-11-10", first=first, after=after, **variables))[
            "health"
        ]
        pages.append(report)
        assert [e["node"]["subject"]["id"] for e in report["edges"]] == [
            f["subject"]["id"] for f in report["findings"]
        ]
        if not report["pageInfo"]["hasNextPage"]:
            return pages
        assert report["pageInfo"]["endCursor"] == report["edges"][-1]["cursor"]
        after = report["pageInfo"]["endCursor"]
        assert len(pages) < 20, "paging does not end"


async def test_paging_through_the_findings_gives_the_whole_report(gql: GraphQL) -> None:
    await _many_findings(gql)
    whole = (await gql.ok(PAGE, cycleId="q4", asOf="2026-11-10"))["health"]
    assert _keys(whole["findings"]) == EVERY_FINDING
    assert _counts(whole) == (12, 2, 1, 15)
    assert whole["pageInfo"] == {"hasNextPage": False, "endCursor": whole["edges"][-1]["cursor"]}
    for first in (1, 2, 4, 7, 15, 16):
        pages = await _pages(gql, first)
        assert [f for page in pages for f in page["findings"]] == whole["findings"], f"first: {first}"
        assert [len(page["findings"]) for page in pages[:-1]] == [first] * (len(pages) - 1)
        assert len(pages) == -(-15 // first)
        # Every page counts the whole report, whichever checks it shows.
        assert {_counts(page) for page in pages} == {(12, 2, 1, 15)}
    # After the last finding: nothing more, and still the counts.
    last = whole["pageInfo"]["endCursor"]
    beyond = (await gql.ok(PAGE, cycleId="q4", asOf="2026-11-10", first=5, after=last))["health"]
    assert beyond["findings"] == [] and beyond["pageInfo"] == {"hasNextPage": False, "endCursor": None}
    assert _counts(beyond) == (12, 2, 1, 15)


async def test_min_severity_and_checks_filter_findings_and_counts(gql: GraphQL) -> None:
    await _many_findings(gql)
    warnings = (await gql.ok(PAGE, cycleId="q4", asOf="2026-11-10", minSeverity="WARNING"))["health"]
    assert _keys(warnings["findings"]) == EVERY_FINDING[:-1]
    assert _counts(warnings) == (12, 2, 0, 14)
    critical = await _pages(gql, 5, minSeverity="CRITICAL")
    assert [_keys(page["findings"]) for page in critical] == [
        EVERY_FINDING[:5],
        EVERY_FINDING[5:10],
        EVERY_FINDING[10:12],
    ]
    assert {_counts(page) for page in critical} == {(12, 0, 0, 12)}
    assert (
        _keys((await gql.ok(PAGE, cycleId="q4", asOf="2026-11-10", minSeverity="INFO"))["health"]["findings"])
        == EVERY_FINDING
    )
    # One of the two checks of a query: the counts leave out the other.
    only = (await gql.ok(PAGE, cycleId="q4", asOf="2026-11-10", checks=["NO_KEY_RESULTS"], first=2))["health"]
    assert _keys(only["findings"]) == EVERY_FINDING[:2] and _counts(only) == (3, 0, 0, 3)
    kpis = (
        await gql.ok(
            PAGE,
            cycleId="q4",
            asOf="2026-11-10",
            checks=["KPI_IN_DISGUISE", "TOO_MANY_KEY_RESULTS"],
            minSeverity="WARNING",
        )
    )["health"]
    assert _keys(kpis["findings"]) == [("KPI_IN_DISGUISE", "WARNING", "kr-b-nobase")]
    assert _counts(kpis) == (0, 1, 0, 1)


async def test_bad_page_arguments(gql: GraphQL) -> None:
    await _many_findings(gql)
    orphans = await gql.ok('{ orphanedObjectives(cycleId: "q4", first: 1) { pageInfo { endCursor } } }')
    foreign = orphans["orphanedObjectives"]["pageInfo"]["endCursor"]
    for variables, field in (
        ({"first": 0}, "first"),
        ({"first": -1}, "first"),
        ({"first": 101}, "first"),
        ({"after": "nope"}, "after"),
        ({"after": foreign}, "after"),
        ({"after": base64.urlsafe_b64encode(b'id:["CRITICAL", "NOPE", "o-a1", "q4"]').decode()}, "after"),
        (
            {"after": base64.urlsafe_b64encode(b'id:["CRITICAL", "NO_KEY_RESULTS", 1, "q4"]').decode()},
            "after",
        ),
    ):
        error = await gql.error(PAGE, cycleId="q4", **variables)
        assert error["extensions"]["code"] == "VALIDATION", variables
        assert (error["extensions"]["field"], error["extensions"]["value"]) == (
            field,
            next(iter(variables.values())),
        )
