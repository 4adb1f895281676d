"""As of a day, from history: roll-ups, key results, progressHistory and the monthly review's changes, over
GraphQL on the demo organisation, with numbers worked out by hand from graph/seed/demo_history.py and
graph/seed/demo_cycle.py (analytics exports on 2, 9 and 15 January; check-in values on Mondays)."""

from __future__ import annotations

import datetime as dt
from statistics import fmean

import pytest

from tests.conftest import GraphQL
from tests.report.test_strategic_report import CARE, DISCOVER, IDENTITY, PUSH, RECORD, SME

pytestmark = pytest.mark.usefixtures("demo")

AS_OF = """
query($asOf: Date!) {
  rollup(objectiveId: "obj-digital-first-week", asOf: $asOf) {
    ownProgress rolledUpProgress contributions { child { id } ownProgress }
  }
  keyResult(id: "kr-identity-instant-verification") { valueAt(asOf: $asOf) progressAt(asOf: $asOf) }
  tickets: keyResult(id: "kr-discover-tickets") { valueAt(asOf: $asOf) progressAt(asOf: $asOf) }
  alignmentTree(rootId: "obj-identity-q1", depth: 1, asOf: $asOf) { root { progress } }
  crossTeamDependencies(cycleId: "cycle-2026-q1", asOf: $asOf) { nodes { to { id progress confidence } } }
}
"""
REVIEW = """
query($asOf: Date, $since: Date) {
  strategicReport(objectiveId: "obj-digital-first-week", asOf: $asOf, since: $since) {
    asOf since rolledUpProgress ownProgress
    contributors { progress objective { id confidence } }
    keyResults { id current progress }
    sinceLastReview {
      objective { id } progressThen progressNow change confidenceThen confidenceNow
      becameAtRisk { from { id } to { id } } stoppedBeingAtRisk { from { id } to { id } } wentStale { id }
    }
    trend { day rolledUpProgress expectedProgress contributors { objectiveId progress } }
  }
}
"""
HISTORY = """
query($id: ID!, $from: Date!, $to: Date!, $interval: HistoryInterval) {
  progressHistory(id: $id, from: $from, to: $to, interval: $interval) {
    day value observedAt progress rolledUpProgress missingReason
  }
}
"""

# Discover's completion (65 -> 90 at 72) and tutorial (15 -> 50 at 22) were never measured: their planned
# values count on every day. 10 January: analytics' 9 January export and the 5 January check-ins.
JAN10 = {
    "obj-discover-q1": fmean([7 / 25, 7 / 35]),  # tickets not measured until 12 January
    "obj-identity-q1": fmean([2 / 70, 1.0]),  # instant verification 12; fraud 0.10 held
    "obj-care-q1": None,  # first measured on 12 January
    "obj-sme-onboarding-q1": 1 / 35,  # one sitting 36
}
JAN10_OWN = fmean([2.5 / 10, 3 / 15, 0.4 / 1.8])  # drop-off 37.5, NPS 23, call time 11.6
# 20 January: the 15 January export and the 19 January check-ins.
JAN20 = {
    "obj-discover-q1": fmean([7 / 25, 7 / 35, 10 / 120]),  # tickets 390
    "obj-identity-q1": fmean([9 / 70, 1.0]),  # 19
    "obj-care-q1": 1 / 15,  # 61
    "obj-sme-onboarding-q1": 3 / 35,  # 38
}
FEB15 = {
    "obj-discover-q1": DISCOVER,
    "obj-identity-q1": IDENTITY,
    "obj-care-q1": CARE,
    "obj-sme-onboarding-q1": SME,
}
SHARES = {
    "obj-discover-q1": 1 / 3,
    "obj-identity-q1": 1 / 6,
    "obj-care-q1": 1 / 3,
    "obj-sme-onboarding-q1": 1 / 6,
}


def _mean(own: dict[str, float | None]) -> float:
    """The MEAN roll-up, renormalised over the contributors with a progress."""
    known = {k: v for k, v in own.items() if v is not None}
    return sum(SHARES[k] * v for k, v in known.items()) / sum(SHARES[k] for k in known)


async def test_as_of_three_days_from_history(gql: GraphQL) -> None:
    own_feb = fmean([0.4, 4 / 15, 1 / 3])
    for day, own, contributors, instant, tickets in (
        ("2026-01-10", JAN10_OWN, JAN10, 12.0, None),
        ("2026-01-20", own_feb, JAN20, 19.0, 390.0),
        ("2026-02-15", own_feb, FEB15, 30.0, 360.0),
    ):
        data = await gql.ok(AS_OF, asOf=day)
        rolled = data["rollup"]
        assert rolled["ownProgress"] == pytest.approx(own), day
        assert rolled["rolledUpProgress"] == pytest.approx(_mean(contributors)), day
        by_child = {c["child"]["id"]: c["ownProgress"] for c in rolled["contributions"]}
        assert by_child == {
            k: pytest.approx(v) if v is not None else None for k, v in contributors.items()
        }, day
        assert data["keyResult"] == {"valueAt": instant, "progressAt": pytest.approx((instant - 10) / 70)}
        expected_tickets = None if tickets is None else pytest.approx((400 - tickets) / 120)
        assert data["tickets"] == {"valueAt": tickets, "progressAt": expected_tickets}, day
        assert data["alignmentTree"]["root"]["progress"] == pytest.approx(contributors["obj-identity-q1"])
        waits = [
            d["to"] for d in data["crossTeamDependencies"]["nodes"] if d["to"]["id"].startswith("kr-identity")
        ]
        assert waits and all(w["progress"] == pytest.approx((instant - 10) / 70) for w in waits), day
        # The same numbers in the leadership report.
        report = (await gql.ok(REVIEW, asOf=day))["strategicReport"]
        assert report["rolledUpProgress"] == pytest.approx(_mean(contributors)), day
        assert {c["objective"]["id"]: c["progress"] for c in report["contributors"]} == by_child
    # Identity's confidence as of 10 January is its 5 January check-in's 7, not today's 3.
    assert {w["confidence"] for w in waits} == {3}
    early = (await gql.ok(AS_OF, asOf="2026-01-10"))["crossTeamDependencies"]["nodes"]
    assert {d["to"]["confidence"] for d in early if d["to"]["id"].startswith("kr-identity")} == {7}
    # Before any measurement: null (the reason is in progressHistory), except what was never measured.
    none = await gql.ok(AS_OF, asOf="2025-12-31")
    assert none["keyResult"] == {"valueAt": None, "progressAt": None}
    assert none["rollup"]["ownProgress"] is None
    assert none["rollup"]["rolledUpProgress"] == pytest.approx(fmean([7 / 25, 7 / 35]))  # Discover's alone


async def test_a_past_report_stays_as_it_was_when_newer_values_arrive(gql: GraphQL) -> None:
    before = await gql.ok(REVIEW, asOf="2026-01-20", since="2026-01-10")
    today_before = await gql.ok(REVIEW)
    now = dt.datetime.now(dt.UTC).isoformat()
    values = [
        {"keyResultId": kr, "value": value, "observedAt": now, "source": "t"}
        for kr, value in (
            ("kr-identity-instant-verification", 70.0),
            ("kr-discover-tickets", 300.0),
            ("kr-care-first-call", 74.0),
            ("kr-digital-nps", 34.0),
        )
    ]
    assert (await gql.ok(PUSH, values=values))["pushKeyResultValues"]["accepted"] == 4
    await gql.ok(RECORD, input={"objectiveId": "obj-care-q1", "confidence": 2, "plan": "p", "author": "a"})
    assert await gql.ok(REVIEW, asOf="2026-01-20", since="2026-01-10") == before
    today = (await gql.ok(REVIEW))["strategicReport"]
    assert today["rolledUpProgress"] > today_before["strategicReport"]["rolledUpProgress"]
    care = next(c for c in today["contributors"] if c["objective"]["id"] == "obj-care-q1")
    assert (care["progress"], care["objective"]["confidence"]) == (pytest.approx(14 / 15), 2)


async def test_progress_history_points_are_the_as_of_answers(gql: GraphQL) -> None:
    points = (
        await gql.ok(
            HISTORY,
            id="obj-digital-first-week",
            **{"from": "2026-01-03", "to": "2026-02-15"},
            interval="WEEK",
        )
    )["progressHistory"]
    assert [p["day"] for p in points] == [
        "2026-01-03", "2026-01-10", "2026-01-17", "2026-01-24", "2026-01-31", "2026-02-07", "2026-02-14",
    ]  # fmt: skip
    for point in points:
        rolled = (await gql.ok(AS_OF, asOf=point["day"]))["rollup"]
        assert point["rolledUpProgress"] == pytest.approx(rolled["rolledUpProgress"]), point["day"]
        assert point["progress"] == pytest.approx(rolled["ownProgress"]), point["day"]
    assert points[1]["rolledUpProgress"] == pytest.approx(_mean(JAN10))
    # A key result: its value and progress, and why a day before its first measurement has none.
    kr = (
        await gql.ok(
            HISTORY, id="kr-care-first-call", **{"from": "2026-01-10", "to": "2026-03-10"}, interval="MONTH"
        )
    )["progressHistory"]
    assert [(p["day"], p["value"], p["missingReason"]) for p in kr] == [
        ("2026-01-10", None, "NO_MEASUREMENT_YET"),
        ("2026-02-10", 64.0, None),
        ("2026-03-10", 64.0, None),
    ]
    assert kr[1]["progress"] == pytest.approx(4 / 15) and kr[1]["observedAt"] == "2026-02-09T08:00:00+00:00"
    # Month ends stay month ends; the wrong way round is VALIDATION, an unknown id NOT_FOUND.
    ends = (await gql.ok(HISTORY, id="obj-care-q1", **{"from": "2026-01-31", "to": "2026-04-30"}))[
        "progressHistory"
    ]
    assert [p["day"] for p in ends] == ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]
    error = await gql.error(HISTORY, id="obj-care-q1", **{"from": "2026-02-01", "to": "2026-01-01"})
    assert error["extensions"] == {"code": "VALIDATION", "field": "to", "value": "2026-01-01"}
    error = await gql.error(HISTORY, id="kr-nope", **{"from": "2026-01-01", "to": "2026-02-01"})
    assert error["extensions"]["code"] == "NOT_FOUND"


async def test_what_changed_since_the_last_review(gql: GraphQL) -> None:
    report = (await gql.ok(REVIEW, asOf="2026-02-15"))["strategicReport"]
    assert report["since"] == "2026-01-15"  # a month before, by default
    # 15 January: Discover as on 20 January (tickets 390), Identity 15, Care 61, SME 36 (its 5 January value).
    then = {"obj-discover-q1": JAN20["obj-discover-q1"], "obj-identity-q1": fmean([5 / 70, 1.0]),
            "obj-care-q1": 1 / 15, "obj-sme-onboarding-q1": 1 / 35}  # fmt: skip
    rows = report["sinceLastReview"]
    # Every contributor rose; the smallest rise (the "largest fall") first: Discover 30/360, Identity 15/140,
    # SME 5/35, Care 3/15.
    assert [r["objective"]["id"] for r in rows] == [
        "obj-discover-q1", "obj-identity-q1", "obj-sme-onboarding-q1", "obj-care-q1",
    ]  # fmt: skip
    for row in rows:
        oid = row["objective"]["id"]
        assert row["progressThen"] == pytest.approx(then[oid]) and row["progressNow"] == pytest.approx(
            FEB15[oid]
        )
        assert row["change"] == pytest.approx(FEB15[oid] - then[oid])
    confidence = {r["objective"]["id"]: (r["confidenceThen"], r["confidenceNow"]) for r in rows}
    assert confidence == {
        "obj-discover-q1": (6, 7),
        "obj-identity-q1": (7, 3),
        "obj-sme-onboarding-q1": (6, 5),
        "obj-care-q1": (6, 6),
    }
    # On 15 January Identity's instant verification was on track (5/70 + 0.1 > 14/90) and confidence 7.
    waits = [("obj-discover-q1", "kr-identity-instant-verification"), ("obj-sme-onboarding-q1", "kr-identity-instant-verification")]  # fmt: skip
    became = {
        r["objective"]["id"]: [(d["from"]["id"], d["to"]["id"]) for d in r["becameAtRisk"]] for r in rows
    }
    assert became == {
        "obj-discover-q1": waits[:1],
        "obj-identity-q1": waits,
        "obj-sme-onboarding-q1": waits[1:],
        "obj-care-q1": [],
    }
    assert all(r["stoppedBeingAtRisk"] == [] for r in rows)
    # Discover's completion and tutorial, never measured, were 14 days into Q1 (not stale), now 45.
    stale = {r["objective"]["id"]: [k["id"] for k in r["wentStale"]] for r in rows}
    assert stale["obj-discover-q1"] == ["kr-discover-completion", "kr-discover-tutorial"]
    assert stale["obj-care-q1"] == stale["obj-identity-q1"] == stale["obj-sme-onboarding-q1"] == []
    # Looking back from 10 February to 10 January, a since after asOf is VALIDATION.
    error = await gql.error(REVIEW, asOf="2026-01-10", since="2026-02-10")
    assert error["extensions"] == {"code": "VALIDATION", "field": "since", "value": "2026-02-10"}


async def test_the_trend_is_progress_history(gql: GraphQL) -> None:
    report = (await gql.ok(REVIEW, asOf="2026-02-15"))["strategicReport"]
    trend = report["trend"]
    # From the start of the contributors' cycle (Q1) every week, and the report's day.
    assert [p["day"] for p in trend][:2] == ["2026-01-01", "2026-01-08"] and trend[-1]["day"] == "2026-02-15"
    assert trend[-1]["rolledUpProgress"] == pytest.approx(report["rolledUpProgress"])
    # 8 January: instant verification 12, fraud 0.11 (over), one sitting 36; Care not measured yet.
    jan8 = {"obj-discover-q1": fmean([7 / 25, 7 / 35]), "obj-identity-q1": fmean([2 / 70, 0.0]),
            "obj-care-q1": None, "obj-sme-onboarding-q1": 1 / 35}  # fmt: skip
    assert trend[1]["rolledUpProgress"] == pytest.approx(_mean(jan8))
    assert trend[-1]["expectedProgress"] == pytest.approx(45 / 90) and trend[0]["expectedProgress"] == 0.0
    days = [p["day"] for p in trend[:-1]]
    history = (
        await gql.ok(
            HISTORY, id="obj-digital-first-week", **{"from": days[0], "to": days[-1]}, interval="WEEK"
        )
    )["progressHistory"]
    assert [p["rolledUpProgress"] for p in trend[:-1]] == [p["rolledUpProgress"] for p in history]
    assert {c["objectiveId"]: c["progress"] for c in trend[-1]["contributors"]} == {
        c["objective"]["id"]: c["progress"] for c in report["contributors"]
    }


async def test_history_agrees_with_the_stored_values(gql: GraphQL) -> None:
    # Every demo series ends on the stored current by 9 February, so on any later past day valueAt is current
    # and progressAt (cypher/fragments/progress_on.cypher) is the progress graph/core/progress.py stored: one
    # check of the two rules on every kind and direction the demo has.
    query = """{ keyResults(first: 100) { nodes { id kind direction current progress
                 valueAt(asOf: "2026-06-30") progressAt(asOf: "2026-06-30") } } }"""
    nodes = (await gql.ok(query))["keyResults"]["nodes"]
    assert {(n["kind"], n["direction"]) for n in nodes} >= {
        ("METRIC", "INCREASE"),
        ("METRIC", "DECREASE"),
        ("METRIC", "STAY_AT_OR_ABOVE"),
        ("METRIC", "STAY_AT_OR_BELOW"),
        ("MILESTONE", None),
        ("KBI", "INCREASE"),
    }
    for node in nodes:
        assert node["valueAt"] == node["current"], node["id"]
        assert node["progressAt"] == pytest.approx(node["progress"]), node["id"]
