"""The map's page and GraphiQL's page come with every file they load, from this service (api/pages.py)."""

from __future__ import annotations

import base64
import hashlib
import re

import httpx
import pytest

from api.pages import built


@pytest.fixture(autouse=True)
def _needs_the_files() -> None:
    if not built():
        pytest.fail("web/vendor/ is empty: run `make install` (npm ci and web/copy-vendor.mjs)")


@pytest.mark.parametrize("path", ["/", "/map"])
async def test_the_map_page_and_its_files(client: httpx.AsyncClient, path: str) -> None:
    page = await client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    files = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert "/static/map/main.js" in files and "/static/vendor/dagre.min.js" in files
    for file in files:
        assert (await client.get(file)).status_code == 200, file
    assert "https://" not in page.text


async def test_graphiql_loads_the_files_strawberry_pinned_from_this_service(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "unpkg.com" not in page.text
    pinned = re.findall(r'(?:src|href)="(/static/vendor/[^"]+)"\s+integrity="sha384-([^"]+)"', page.text)
    assert len(pinned) == 7
    for path, digest in pinned:
        body = (await client.get(path)).content
        # The same bytes as the CDN's: the browser checks these hashes too.
        assert base64.b64encode(hashlib.sha384(body).digest()).decode() == digest, path


async def test_the_service_does_not_serve_node_modules_or_the_lockfile(client: httpx.AsyncClient) -> None:
    for path in (
        "/static/package-lock.json",
        "/static/vendor/../package.json",
        "/static/node_modules/react/package.json",
    ):
        assert (await client.get(path)).status_code == 404, path


def test_a_strawberry_that_pins_other_versions_never_loads_the_cdn_and_says_what_to_update(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from api import pages

    newer = '<script src="https://unpkg.com/graphiql@9.9.9/graphiql.min.js"></script>'
    monkeypatch.setattr(pages, "get_graphql_ide_html", lambda ide: newer)
    pages.graphiql_html.cache_clear()
    try:
        page = pages.graphiql_html()
        assert not re.search(r'(src|href)="https?://', page), page
        assert "graphiql@9.9.9" in page and "web/package.json" in page
        assert "graphiql@9.9.9" in caplog.text and "web/package.json" in caplog.text
    finally:
        monkeypatch.undo()
        pages.graphiql_html.cache_clear()
    assert "unpkg.com" not in pages.graphiql_html()
