"""`aligngraph report strategic`: the HTML report's figures are the GraphQL answer's.

The CLI calls asyncio.run itself, so it runs in a worker thread here, beside the async `gql` client on the
same Neo4j (the demo, loaded by the `demo` fixture). The page is parsed, and its charts and tables are read
back from their data- attributes.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli.main import app
from tests.api.cli.test_main import cli_env
from tests.conftest import GraphQL

runner = CliRunner()
__all__ = ["cli_env"]  # the fixture shared with test_cli
pytestmark = pytest.mark.usefixtures("demo", "cli_env")

REPORT = """
query($id: ID!, $asOf: Date) {
  strategicReport(objectiveId: $id, asOf: $asOf) {
    since
    sinceLastReview { objective { id } progressThen progressNow change confidenceThen confidenceNow
                      becameAtRisk { to { id } } stoppedBeingAtRisk { to { id } } wentStale { id } }
    trend { day rolledUpProgress expectedProgress contributors { objectiveId progress } }
    ownProgress rolledUpProgress
    objective { id title }
    keyResults { id progress }
    contributors { progress objective { id title ownerName expectedProgress confidence checkIns { createdAt confidence } } }
    confidence { count min max mean }
    atRiskDependencies { riskReasons from { id } to { id } }
    staleKeyResults { id daysWithoutMeasurement }
    issues { objectiveId text }
  }
}
"""
RECORD = """
mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { id } }
"""


class Page(HTMLParser):
    """Every element with its attributes, and the text inside each element with an id or data- attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[int, list[str]] = {}
        self._open: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag not in {"br", "meta", "rect", "line", "circle", "polyline"}:
            self._open.append(len(self.elements) - 1)
            self.texts[len(self.elements) - 1] = []

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            index = self._open.pop()
            if self.elements[index][0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for index in self._open:
            self.texts[index].append(data)

    def find(self, tag: str | None = None, **attrs: str) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.elements
            if (tag is None or t == tag) and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def text(self, tag: str, **attrs: str) -> list[str]:
        return [
            " ".join("".join(self.texts[i]).split())
            for i, (t, a) in enumerate(self.elements)
            if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]


async def _render(tmp_path: Path, objective_id: str, *extra: str) -> tuple[Page, str]:
    out = tmp_path / "report.html"
    args = ["report", "strategic", objective_id, "--out", str(out), *extra]
    result = await asyncio.to_thread(runner.invoke, app, args)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    return page, html


def _number(value: str) -> float | None:
    return None if value == "" else float(value)


async def test_the_page_shows_the_graphql_figures(gql: GraphQL, tmp_path: Path) -> None:
    page, html = await _render(tmp_path, "obj-digital-first-week", "--as-of", "2026-02-15")
    report = (await gql.ok(REPORT, id="obj-digital-first-week", asOf="2026-02-15"))["strategicReport"]

    figure = {f["id"]: f for f in page.find("td", **{"class": "figure"})}
    assert _number(figure["own-progress"]["data-value"]) == pytest.approx(report["ownProgress"], rel=1e-12)
    assert _number(figure["rolled-up-progress"]["data-value"]) == pytest.approx(report["rolledUpProgress"])
    spread = figure["confidence"]
    assert [int(spread[f"data-{k}"]) for k in ("count", "min", "max")] == [
        report["confidence"][k] for k in ("count", "min", "max")
    ]
    assert float(spread["data-mean"]) == pytest.approx(report["confidence"]["mean"])
    assert int(figure["at-risk"]["data-value"]) == len(report["atRiskDependencies"]) == 2
    assert int(figure["stale-count"]["data-value"]) == len(report["staleKeyResults"])

    # Progress per contributing team: one bar per contributor, in the API's order, at its progress (the
    # chart's numbers, in the table beside the SVG that Vega-Lite drew).
    bars = page.find("tr", **{"class": "bar"})
    assert [b["data-objective-id"] for b in bars] == [c["objective"]["id"] for c in report["contributors"]]
    assert [float(b["data-progress"]) for b in bars] == [
        pytest.approx(c["progress"], rel=1e-12) for c in report["contributors"]
    ]
    ticks = [float(t["data-expected"]) for t in bars]
    assert ticks == [pytest.approx(c["objective"]["expectedProgress"]) for c in report["contributors"]]

    # Confidence over time: one point per check-in by the report's day.
    for contributor in report["contributors"]:
        objective = contributor["objective"]
        points = page.find("tr", **{"class": "point", "data-objective-id": objective["id"]})
        drawn = [(dt.datetime.fromisoformat(p["data-at"]), int(p["data-confidence"])) for p in points]
        asked = [(dt.datetime.fromisoformat(c["createdAt"]), c["confidence"]) for c in objective["checkIns"]]
        assert drawn == asked, objective["id"]
    assert sum(len(c["objective"]["checkIns"]) for c in report["contributors"]) > 0

    # The tables.
    rows = {r["data-objective-id"]: r for r in page.find("tr") if "data-objective-id" in r}
    for contributor in report["contributors"]:
        row = rows[contributor["objective"]["id"]]
        assert float(row["data-progress"]) == pytest.approx(contributor["progress"])
        assert _number(row["data-confidence"]) == contributor["objective"]["confidence"]
    krs = {
        r["data-key-result-id"]: _number(r["data-progress"])
        for r in page.find("tr")
        if "data-progress" in r and "data-key-result-id" in r
    }
    assert krs == {k["id"]: pytest.approx(k["progress"]) for k in report["keyResults"]}
    deps = [
        (r["data-from-id"], r["data-to-id"], r["data-reasons"].split())
        for r in page.find("tr")
        if "data-from-id" in r
    ]
    assert deps == [(d["from"]["id"], d["to"]["id"], d["riskReasons"]) for d in report["atRiskDependencies"]]
    stale = [(r["data-key-result-id"], _number(r["data-days"])) for r in page.find("tr") if "data-days" in r]
    assert stale == [(k["id"], k["daysWithoutMeasurement"]) for k in report["staleKeyResults"]]
    issues = [text for text in page.text("li") if text]
    assert len(issues) == len(report["issues"]) > 0
    for line, issue in zip(issues, report["issues"], strict=True):
        assert issue["text"] in line

    # Since the last review: every contributor, the largest fall first, then and now.
    assert report["since"] == "2026-01-15" and "Since the last review (2026-01-15)" in html
    since = [r for r in page.find("tr") if "data-change" in r]
    assert [r["data-objective-id"] for r in since] == [
        c["objective"]["id"] for c in report["sinceLastReview"]
    ]
    for row, change in zip(since, report["sinceLastReview"], strict=True):
        assert [_number(row[f"data-{k}"]) for k in ("progress-then", "progress-now", "change")] == [
            pytest.approx(change[k]) for k in ("progressThen", "progressNow", "change")
        ]
        assert (_number(row["data-confidence-then"]), _number(row["data-confidence-now"])) == (
            change["confidenceThen"],
            change["confidenceNow"],
        )
        assert int(row["data-became-at-risk"]) == len(change["becameAtRisk"])
        assert row["data-went-stale"].split() == [k["id"] for k in change["wentStale"]]
    # Progress over time: the trend's points, rolled up and per contributor.
    trend = page.find("tr", **{"class": "trend-point"})
    assert [t["data-day"] for t in trend] == [p["day"] for p in report["trend"]]
    assert [_number(t["data-rolled-up"]) for t in trend] == [
        pytest.approx(p["rolledUpProgress"]) for p in report["trend"]
    ]
    cells = [_number(c["data-progress"]) for c in page.find("td") if "data-progress" in c]
    assert cells == [
        pytest.approx(v["progress"]) if v["progress"] is not None else None
        for p in report["trend"]
        for v in p["contributors"]
    ]

    # Standalone: no scripts, no stylesheets or images to fetch.
    assert not page.find("script") and not page.find("link") and not page.find("img")
    assert not [a for _, a in page.elements if "src" in a or "href" in a]
    assert html.count("<svg") == 3 and "<style>" in html


async def test_out_is_a_template(tmp_path: Path) -> None:
    template = str(tmp_path / "reports" / "{objectiveId}-{asOf}.html")
    args = ["report", "strategic", "obj-digital-first-week", "--as-of", "2026-02-15", "--out", template]
    result = await asyncio.to_thread(runner.invoke, app, args)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "reports" / "obj-digital-first-week-2026-02-15.html").exists()
    args[-1] = str(tmp_path / "{cycle}.html")
    result = await asyncio.to_thread(runner.invoke, app, args)
    assert result.exit_code == 2 and "--out" in result.output


async def test_text_from_users_is_escaped(gql: GraphQL, tmp_path: Path) -> None:
    title = 'Delight <em>new</em> customers & "friends"'
    await gql.ok(
        'mutation($t: String!) { updateObjective(id: "obj-digital-first-week", input: {title: $t}) { id } }',
        t=title,
    )
    issue = "<script>alert('queue')</script> & 1,200 waiting"
    await gql.ok(
        RECORD,
        input={
            "objectiveId": "obj-identity-q1",
            "confidence": 2,
            "plan": "<b>Escalate</b>",
            "author": "Priya <Identity>",
            "issues": [issue],
        },
    )
    page, html = await _render(tmp_path, "obj-digital-first-week")  # today: the new check-in counts
    assert page.text("h1", data_objective_id="obj-digital-first-week") == [title]
    assert not page.find("script") and not page.find("em") and not page.find("b")
    assert any(issue in line for line in page.text("li", data_objective_id="obj-identity-q1"))
    assert "&lt;script&gt;" in html
    report = (await gql.ok(REPORT, id="obj-digital-first-week"))["strategicReport"]
    identity = next(c for c in report["contributors"] if c["objective"]["id"] == "obj-identity-q1")
    assert identity["objective"]["confidence"] == 2
    bars = {b["data-objective-id"]: b for b in page.find("tr", **{"class": "bar"})}
    assert float(bars["obj-identity-q1"]["data-progress"]) == pytest.approx(identity["progress"])


async def test_errors_exit_2_and_write_nothing(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    for objective_id, code in (("obj-nope", "NOT_FOUND"), ("obj-discover-q1", "VALIDATION")):
        args = ["report", "strategic", objective_id, "--out", str(out)]
        result = await asyncio.to_thread(runner.invoke, app, args)
        assert result.exit_code == 2, result.output
        assert code in result.output and objective_id in result.output
    result = await asyncio.to_thread(
        runner.invoke, app, ["report", "strategic", "obj-digital-first-week", "--as-of", "15/02/2026"]
    )
    assert result.exit_code == 2 and "--as-of" in result.output
    assert not out.exists()
