"""The leadership report (`strategicReport`) over GraphQL on the demo organisation."""

from __future__ import annotations

from statistics import fmean

import pytest

from tests.conftest import GraphQL

pytestmark = pytest.mark.usefixtures("demo")

REPORT = """
query($id: ID!, $asOf: Date, $staleAfterDays: Int) {
  strategicReport(objectiveId: $id, asOf: $asOf, staleAfterDays: $staleAfterDays) {
    asOf staleAfterDays method ownProgress rolledUpProgress
    objective { id title tier ownerId ownerName cycleId progress expectedProgress confidence checkIns { id } }
    keyResults { id objectiveId kind baseline target current progress lastMeasuredAt daysWithoutMeasurement stale }
    contributors {
      depth parentId viaKeyResultId weight share ownProgress rolledUpProgress progress
      objective { id title tier ownerId ownerName progress expectedProgress confidence
                  checkIns { createdAt confidence } latestCheckIn { issues } }
    }
    confidence { count min max mean objectives { objectiveId ownerName confidence } }
    atRiskDependencies { riskReasons expectedProgress from { id owner { name } } to { id progress confidence } }
    staleKeyResults { id objectiveId lastMeasuredAt daysWithoutMeasurement }
    issues { objectiveId text raisedAt author }
  }
}
"""
DEPENDENCIES = """
query($asOf: Date) {
  crossTeamDependencies(cycleId: "cycle-2026", atRiskOnly: true, asOf: $asOf, first: 100) {
    nodes { riskReasons expectedProgress from { id owner { name } } to { id progress confidence } }
  }
}
"""
RECORD = """
mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { id } }
"""
HEALTH = """
query($asOf: Date) {
  health(cycleId: "cycle-2026", asOf: $asOf, checks: [STALE_MEASUREMENT]) { findings { subject { id } value } }
}
"""
PUSH = """
mutation($values: [KeyResultValueInput!]!) { pushKeyResultValues(values: $values) { accepted } }
"""
MID_Q1 = "2026-02-15"  # 45 of Q1's 90 days gone
# Each team objective's own progress: the mean of its KRs' (current - baseline) / (target - baseline).
DISCOVER = fmean([7 / 25, 7 / 35, 40 / 120])
IDENTITY = fmean([20 / 70, 1.0])  # instant verification 10 -> 80 now 30; the fraud guard-rail is held
CARE = 4 / 15  # first-call resolution 60 -> 75 now 64
SME = 6 / 35  # one sitting 35 -> 70 now 41
TEAM_KRS = {
    "obj-care-q1": ["kr-care-first-call"],
    "obj-discover-q1": ["kr-discover-completion", "kr-discover-tickets", "kr-discover-tutorial"],
    "obj-identity-q1": ["kr-identity-fraud", "kr-identity-instant-verification"],
    "obj-sme-onboarding-q1": ["kr-sme-one-sitting"],
}
DIGITAL_KRS = ["kr-digital-call-time", "kr-digital-drop-off", "kr-digital-nps"]


async def _report(gql: GraphQL, **variables: object) -> dict:
    data = await gql.ok(REPORT, **{"id": "obj-digital-first-week", "asOf": MID_Q1, **variables})
    report: dict = data["strategicReport"]
    return report


async def test_the_objective_its_key_results_and_the_roll_up(gql: GraphQL) -> None:
    report = await _report(gql)
    assert (report["asOf"], report["staleAfterDays"], report["method"]) == (MID_Q1, 14, "MEAN")
    objective = report["objective"]
    assert (objective["tier"], objective["ownerName"], objective["cycleId"]) == (
        "STRATEGIC",
        "Digital Services",
        "cycle-2026",
    )
    assert objective["expectedProgress"] == pytest.approx(45 / 365)
    assert objective["confidence"] == 6 and objective["checkIns"] == []  # the BU holds no check-ins
    progress = {kr["id"]: kr["progress"] for kr in report["keyResults"]}
    assert progress == {
        "kr-digital-call-time": pytest.approx(0.6 / 1.8),  # 12 -> 10.2 minutes, now 11.4
        "kr-digital-drop-off": pytest.approx(4 / 10),  # 40 -> 30 %, now 36
        "kr-digital-nps": pytest.approx(4 / 15),  # 20 -> 35, now 24
    }
    assert report["ownProgress"] == objective["progress"] == pytest.approx(fmean([0.4, 4 / 15, 1 / 3]))
    # The same roll-up as `rollup`: Discover 1/3, Identity 1/6 (weight 0.5), Care 1/3 and SME 1/6 through KRs.
    assert report["rolledUpProgress"] == pytest.approx((DISCOVER + IDENTITY / 2 + CARE + SME / 2) / 3)
    rows = [
        (c["objective"]["id"], c["objective"]["ownerName"], c["depth"], c["viaKeyResultId"], c["share"])
        for c in report["contributors"]
    ]
    assert rows == [
        ("obj-care-q1", "Customer Care Tools", 1, "kr-digital-call-time", pytest.approx(1 / 3)),
        ("obj-discover-q1", "Discover", 1, None, pytest.approx(1 / 3)),
        ("obj-identity-q1", "Identity", 1, None, pytest.approx(1 / 6)),
        ("obj-sme-onboarding-q1", "SME Onboarding", 1, "kr-digital-drop-off", pytest.approx(1 / 6)),
    ]
    counted = [c["progress"] for c in report["contributors"]]
    assert counted == [pytest.approx(v) for v in (CARE, DISCOVER, IDENTITY, SME)]
    assert all(
        c["rolledUpProgress"] is None and c["ownProgress"] == c["progress"] for c in report["contributors"]
    )
    assert {c["objective"]["expectedProgress"] for c in report["contributors"]} == {0.5}


async def test_confidence_as_it_stood_on_the_day(gql: GraphQL) -> None:
    report = await _report(gql)
    # From each contributor's latest check-in by 15 Feb (all on 9 Feb): Care 6, Discover 7, Identity 3, SME 5.
    confidence = report["confidence"]
    assert (confidence["count"], confidence["min"], confidence["max"]) == (4, 3, 7)
    assert confidence["mean"] == pytest.approx(5.25)
    assert [(o["objectiveId"], o["ownerName"], o["confidence"]) for o in confidence["objectives"]] == [
        ("obj-care-q1", "Customer Care Tools", 6),
        ("obj-discover-q1", "Discover", 7),
        ("obj-identity-q1", "Identity", 3),
        ("obj-sme-onboarding-q1", "SME Onboarding", 5),
    ]
    # Confidence over time: every check-in by the report's day, oldest first.
    history = {
        c["objective"]["id"]: [(p["createdAt"][:10], p["confidence"]) for p in c["objective"]["checkIns"]]
        for c in report["contributors"]
    }
    mondays = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09"]
    assert history == {
        "obj-care-q1": [("2026-01-12", 6), ("2026-01-26", 6), ("2026-02-09", 6)],
        "obj-discover-q1": list(zip(mondays, [5, 6, 6, 7, 7, 7], strict=True)),
        "obj-identity-q1": list(zip(mondays, [7, 7, 6, 6, 6, 3], strict=True)),
        "obj-sme-onboarding-q1": [("2026-01-05", 6), ("2026-01-19", 6), ("2026-02-09", 5)],
    }
    # On 20 January every contributor's latest check-in said 6.
    january = await _report(gql, asOf="2026-01-20")
    assert {k: january["confidence"][k] for k in ("count", "min", "max", "mean")} == {
        "count": 4,
        "min": 6,
        "max": 6,
        "mean": 6.0,
    }
    assert [len(c["objective"]["checkIns"]) for c in january["contributors"]] == [1, 3, 3, 2]
    # Before Care's first check-in its confidence on that past day is unknown: the stored one is a later one's.
    early = (await _report(gql, asOf="2026-01-06"))["confidence"]
    assert [o["confidence"] for o in early["objectives"]] == [None, 5, 7, 6] and early["count"] == 3


async def test_a_new_check_in_moves_todays_report_not_the_past(gql: GraphQL) -> None:
    check_in = {
        "objectiveId": "obj-identity-q1",
        "confidence": 9,
        "plan": "Ship it",
        "author": "Priya",
        "issues": ["Nothing in the way"],
    }
    await gql.ok(RECORD, input=check_in)
    today = (await gql.ok(REPORT, id="obj-digital-first-week"))["strategicReport"]
    assert (today["confidence"]["min"], today["confidence"]["max"]) == (5, 9)
    assert today["confidence"]["mean"] == pytest.approx((6 + 7 + 9 + 5) / 4)
    assert [
        (i["objectiveId"], i["text"], i["author"])
        for i in today["issues"]
        if i["objectiveId"] == "obj-identity-q1"
    ] == [("obj-identity-q1", "Nothing in the way", "Priya")]
    assert (await _report(gql))["confidence"]["min"] == 3  # 15 Feb is as it was


async def test_issues_of_the_latest_check_ins(gql: GraphQL) -> None:
    issues = [(i["objectiveId"], i["text"], i["raisedAt"][:10]) for i in (await _report(gql))["issues"]]
    assert issues == [
        ("obj-discover-q1", "Identity's instant verification slips to April", "2026-02-09"),
        ("obj-identity-q1", "The vendor paused its SDK update until April", "2026-02-09"),
        ("obj-identity-q1", "1,200 sign-ups wait in the manual review queue", "2026-02-09"),
        (
            "obj-sme-onboarding-q1",
            "Business owners abandon sign-up while they wait for a manual ID check",
            "2026-02-09",
        ),
    ]
    # On 5 February only Identity's latest check-in (2 Feb) raised anything.
    earlier = [(i["objectiveId"], i["text"]) for i in (await _report(gql, asOf="2026-02-05"))["issues"]]
    assert earlier == [
        ("obj-identity-q1", "The ID-scanning vendor's SDK update slipped two weeks"),
        ("obj-identity-q1", "The fraud team wants a manual review of the first 1,000 instant checks"),
    ]


async def test_at_risk_dependencies_are_those_of_cross_team_dependencies_touching_the_report(
    gql: GraphQL,
) -> None:
    report = await _report(gql)
    risky = report["atRiskDependencies"]
    assert [(d["from"]["id"], d["to"]["id"], d["riskReasons"]) for d in risky] == [
        ("obj-discover-q1", "kr-identity-instant-verification", ["BEHIND", "LOW_CONFIDENCE"]),
        ("obj-sme-onboarding-q1", "kr-identity-instant-verification", ["BEHIND", "LOW_CONFIDENCE"]),
    ]
    assert risky[0]["to"]["progress"] == pytest.approx(20 / 70)
    assert risky[0]["expectedProgress"] == pytest.approx(0.5)
    # The same rules as crossTeamDependencies: its at-risk answer, cut down to those touching the report.
    touched = {report["objective"]["id"], *(c["objective"]["id"] for c in report["contributors"])}
    touched |= {kr for krs in TEAM_KRS.values() for kr in krs} | set(DIGITAL_KRS)
    for as_of in (MID_Q1, "2026-01-10", "2026-04-02"):
        everything = (await gql.ok(DEPENDENCIES, asOf=as_of))["crossTeamDependencies"]["nodes"]
        expected = [d for d in everything if d["from"]["id"] in touched or d["to"]["id"] in touched]
        assert (await _report(gql, asOf=as_of))["atRiskDependencies"] == expected
    # SRE's failover drill is not touched by this report. Identity's confidence set back up leaves only BEHIND
    # today; on 15 February its check-in of 9 February still said 3 (as of a past day, from history).
    await gql.ok('mutation { updateObjective(id: "obj-identity-q1", input: {confidence: 8}) { id } }')
    today = (await gql.ok(REPORT, id="obj-digital-first-week"))["strategicReport"]
    assert [d["riskReasons"] for d in today["atRiskDependencies"]] == [["BEHIND"], ["BEHIND"]]
    reasons = [d["riskReasons"] for d in (await _report(gql))["atRiskDependencies"]]
    assert reasons == [["BEHIND", "LOW_CONFIDENCE"]] * 2


async def test_stale_key_results_follow_measurements_and_the_setting(gql: GraphQL) -> None:
    report = await _report(gql)
    # The 9 Feb check-ins measured Identity's, Care's and SME Onboarding's KRs and Discover's tickets; analytics
    # last exported the strategic KRs on 15 January (31 days before); nobody ever measured Discover's completion
    # or its tutorial: 45 days since Q1 began.
    stale = {
        kr["id"]: (kr["lastMeasuredAt"], kr["daysWithoutMeasurement"]) for kr in report["staleKeyResults"]
    }
    assert stale == {
        **dict.fromkeys(DIGITAL_KRS, ("2026-01-15T07:00:00+00:00", 31)),
        **dict.fromkeys(["kr-discover-completion", "kr-discover-tutorial"], (None, 45)),
    }
    assert [(kr["daysWithoutMeasurement"], kr["stale"]) for kr in report["keyResults"]] == [(31, True)] * 3
    values = [
        {
            "keyResultId": "kr-discover-completion",
            "value": 74.0,
            "observedAt": "2026-02-10T09:00:00Z",
            "source": "t",
        },
        {"keyResultId": "kr-digital-nps", "value": 25.0, "observedAt": "2026-01-20T09:00:00Z", "source": "t"},
        {"keyResultId": "kr-digital-nps", "value": 26.0, "observedAt": "2026-02-20T09:00:00Z", "source": "t"},
    ]
    assert (await gql.ok(PUSH, values=values))["pushKeyResultValues"]["accepted"] == 3

    report = await _report(gql)
    days = {kr["id"]: kr["daysWithoutMeasurement"] for kr in report["staleKeyResults"]}
    # Discover's completion was measured 5 days before; the NPS's 20 Feb value came after the report's day.
    assert days == {
        "kr-digital-call-time": 31,
        "kr-digital-drop-off": 31,
        "kr-discover-tutorial": 45,
        "kr-digital-nps": 26,
    }
    nps = next(kr for kr in report["keyResults"] if kr["id"] == "kr-digital-nps")
    assert (nps["lastMeasuredAt"], nps["stale"]) == ("2026-01-20T09:00:00+00:00", True)
    # As of 15 February the NPS was its 20 January value (the stored current, 26, came later).
    assert nps["current"] == 25.0 and nps["progress"] == pytest.approx(5 / 15)

    longer = await _report(gql, staleAfterDays=30)
    assert "kr-digital-nps" not in {kr["id"] for kr in longer["staleKeyResults"]}
    # On 1 March the 9 Feb values are 20 days old; Discover's completion 19; the NPS 9 (not stale).
    later = {
        kr["id"]: kr["daysWithoutMeasurement"]
        for kr in (await _report(gql, asOf="2026-03-01"))["staleKeyResults"]
    }
    assert later["kr-discover-completion"] == 19 and later["kr-identity-fraud"] == 20
    assert "kr-digital-nps" not in later and len(later) == len(DIGITAL_KRS) + 7 - 1
    # After Q1 has ended, the team KRs are judged on its last day (31 March), the strategic ones on the day.
    after = {
        kr["id"]: kr["daysWithoutMeasurement"]
        for kr in (await _report(gql, asOf="2026-05-01"))["staleKeyResults"]
    }
    assert (after["kr-identity-fraud"], after["kr-digital-nps"]) == (50, 70)


async def test_stale_key_results_are_the_health_checks_findings(gql: GraphQL) -> None:
    for as_of, stale_days in ((MID_Q1, 14), ("2026-03-01", 14), ("2026-03-01", 19), ("2026-05-01", 60)):
        report = await _report(gql, asOf=as_of, staleAfterDays=stale_days)
        krs = {kr["id"] for kr in report["staleKeyResults"]} | {kr["id"] for kr in report["keyResults"]}
        krs |= {kr for team in TEAM_KRS.values() for kr in team}
        health = await gql.ok(HEALTH, asOf=as_of)
        findings = {
            f["subject"]["id"]: f["value"]
            for f in health["health"]["findings"]
            if f["subject"]["id"] in krs and f["value"] > stale_days
        }
        mine = {kr["id"]: kr["daysWithoutMeasurement"] for kr in report["staleKeyResults"]}
        assert mine == findings, as_of


async def test_errors_name_the_field_and_value(gql: GraphQL) -> None:
    error = await gql.error(REPORT, id="obj-nope", asOf=MID_Q1)
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "objectiveId", "value": "obj-nope"}
    error = await gql.error(REPORT, id="obj-discover-q1", asOf=MID_Q1)
    assert error["extensions"] == {"code": "VALIDATION", "field": "objectiveId", "value": "obj-discover-q1"}
    assert "STRATEGIC" in error["message"]
    error = await gql.error(REPORT, id="obj-digital-first-week", asOf=MID_Q1, staleAfterDays=0)
    assert error["extensions"] == {"code": "VALIDATION", "field": "staleAfterDays", "value": 0}


async def test_a_report_over_two_levels_and_one_with_no_contributors(gql: GraphQL) -> None:
    bank = await gql.ok(REPORT, id="obj-bank-resilience", asOf=MID_Q1)
    rows = [
        (c["objective"]["id"], c["objective"]["tier"], c["depth"])
        for c in bank["strategicReport"]["contributors"]
    ]
    assert rows == [("obj-platform-resilience", "STRATEGIC", 1), ("obj-sre-q1", "TEAM", 2)]
    sre = fmean([1.0, 1.0, 20 / 45])  # availability held, drill done, runbooks 50 -> 95 now 70
    # Platform counts with what rolls up into it (SRE), not with its own KRs.
    assert [c["progress"] for c in bank["strategicReport"]["contributors"]] == [pytest.approx(sre)] * 2
    lonely = (await gql.ok(REPORT, id="obj-business-first-choice", asOf=MID_Q1))["strategicReport"]
    assert lonely["contributors"] == [] and lonely["rolledUpProgress"] is None
    assert lonely["confidence"] == {"count": 0, "min": None, "max": None, "mean": None, "objectives": []}
    assert lonely["atRiskDependencies"] == [] and lonely["issues"] == []
