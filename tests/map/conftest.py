"""Browser fixtures: Debian's headless Chromium (/usr/bin/chromium) driven by Playwright, in the test's loop.

Playwright's own browser downloads are never used: `executable_path` points at the system's Chromium, which
`make test` installs as root (`runtime/chromium.sh`: `apt-get install chromium`). Without it every browser test is skipped, and the run ends
with a banner that says so; under CI (CI=true) a missing Chromium fails the tests instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from graphql import GraphQLSchema, build_schema, parse, validate

from tests.live_server import LiveServer

CHROMIUM = os.environ.get("AG_CHROMIUM", "/usr/bin/chromium")
SKIPPED: list[str] = []
# The page's readiness flag (web/map/main.js sets it once the map is drawn).
READY = "window.alignmentMap && window.alignmentMap.ready"


@cache
def committed_schema() -> GraphQLSchema:
    return build_schema((Path(__file__).parents[2] / "schema.graphql").read_text(encoding="utf-8"))


def chromium_missing() -> str | None:
    if not (os.path.isfile(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"{CHROMIUM} is missing (apt-get install -y chromium)"
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing (make install)"
    return None


def pytest_unconfigure(config: pytest.Config) -> None:
    """After pytest's own last line, so the banner is the last thing a run prints."""
    terminalreporter = config.pluginmanager.get_plugin("terminalreporter")
    if not SKIPPED or terminalreporter is None:
        return
    line = "!" * 78
    terminalreporter.write_line(line, red=True, bold=True)
    terminalreporter.write_line(f"BROWSER TESTS SKIPPED: {SKIPPED[0]}.", red=True, bold=True)
    terminalreporter.write_line(
        "The alignment map (tests/map/) was NOT tested. Install Chromium and run them again.",
        red=True,
        bold=True,
    )
    terminalreporter.write_line(line, red=True, bold=True)


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Any]:
    problem = chromium_missing()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests, but {problem}")
        SKIPPED.append(problem)
        pytest.skip(f"BROWSER TESTS SKIPPED: {problem}")
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield chromium
        await chromium.close()


@dataclass
class Browsing:
    """A fresh browser context on the live server, recording every request its pages make."""

    server: LiveServer
    context: Any
    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    def record(self, request: Any) -> None:
        self.requests.append(request.url)
        if request.method == "POST" and urlsplit(request.url).path == "/graphql":
            self.documents.append(request.post_data_json["query"])

    @property
    def other_hosts(self) -> set[str]:
        own = urlsplit(self.server.base_url).netloc
        return {urlsplit(url).netloc for url in self.requests if not url.startswith("data:")} - {own}

    async def open_map(self, path: str = "/", token: str | None = None) -> Any:
        """Open the map; with `token`, answer the page's token dialog with it; wait until it is drawn."""
        await self.page.goto(self.server.base_url + path)
        if token is not None:
            await self.page.locator("#token-input").fill(token)
            await self.page.locator("#token-dialog button[type=submit]").click()
        try:
            await self.page.wait_for_function(READY, timeout=90_000)
        except Exception as exc:
            status = await self.page.locator("#status").text_content()
            raise AssertionError(f"the map was not drawn: {status!r}; console: {self.console}") from exc
        return self.page


@pytest.fixture
async def browsing(browser: Any, live_server: LiveServer) -> AsyncIterator[Browsing]:
    context = await browser.new_context(viewport={"width": 1500, "height": 900})
    page = await context.new_page()
    browsing = Browsing(live_server, context, page)
    page.on("request", browsing.record)
    page.on("pageerror", lambda error: browsing.errors.append(str(error)))
    page.on("console", lambda message: browsing.console.append(f"{message.type}: {message.text}"))
    yield browsing
    await context.close()
    assert not browsing.errors, f"the page threw: {browsing.errors}"
    # The page uses only the public API as schema.graphql publishes it.
    for document in browsing.documents:
        problems = validate(committed_schema(), parse(document))
        assert not problems, f"{problems} in {document}"
