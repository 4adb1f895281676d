"""CORS (AG_CORS_ORIGINS): a browser on an allowed origin may call /graphql; any other origin may not; off
by default. Preflights are sent over a real socket to the running service, as a browser sends them."""

from __future__ import annotations

import httpx
import pytest
from pydantic import ValidationError

from api.main import create_app
from api.settings import Settings
from graph.core.db import Database
from tests.live_server import serving

ALLOWED = "http://localhost:5173"
PREFLIGHT = {
    "access-control-request-method": "POST",
    "access-control-request-headers": "authorization,content-type",
}


async def _preflight(db: Database, settings: Settings, origin: str) -> httpx.Response:
    async with (
        serving(create_app(settings, db=db), settings) as server,
        httpx.AsyncClient(base_url=server.base_url) as http,
    ):
        return await http.options("/graphql", headers={"origin": origin, **PREFLIGHT})


async def test_an_allowed_origin_is_answered_and_the_answer_is_cached(db: Database) -> None:
    settings = Settings(cors_origins=[ALLOWED, "https://portal.example.com"], cors_max_age_seconds=3600)
    response = await _preflight(db, settings, ALLOWED)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED
    assert "POST" in response.headers["access-control-allow-methods"]
    assert set(response.headers["access-control-allow-headers"].lower().split(", ")) >= {
        "authorization",
        "content-type",
    }
    assert response.headers["access-control-max-age"] == "3600"


async def test_the_request_itself_carries_the_origin_and_exposes_retry_after(db: Database) -> None:
    settings = Settings(cors_origins=[ALLOWED])
    async with (
        serving(create_app(settings, db=db), settings) as server,
        httpx.AsyncClient(base_url=server.base_url) as http,
    ):
        response = await http.post("/graphql", json={"query": "{ __typename }"}, headers={"origin": ALLOWED})
    assert response.status_code == 200
    assert response.json()["data"] == {"__typename": "Query"}
    assert response.headers["access-control-allow-origin"] == ALLOWED
    assert response.headers["access-control-expose-headers"].lower() == "retry-after"


async def test_another_origin_is_refused(db: Database) -> None:
    response = await _preflight(db, Settings(cors_origins=[ALLOWED]), "http://evil.example")
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


async def test_cors_is_off_by_default(db: Database) -> None:
    settings = Settings()
    assert settings.cors_origins == []
    response = await _preflight(db, settings, ALLOWED)
    # No CORS middleware: the preflight reaches the GraphQL route, which takes no OPTIONS.
    assert response.status_code == 405
    assert not [name for name in response.headers if name.startswith("access-control-")]


def test_origins_are_read_from_a_comma_separated_or_json_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AG_CORS_ORIGINS", f"{ALLOWED}, https://portal.example.com/")
    assert Settings().cors_origins == [ALLOWED, "https://portal.example.com"]
    monkeypatch.setenv("AG_CORS_ORIGINS", f'["{ALLOWED}"]')
    assert Settings().cors_origins == [ALLOWED]
    monkeypatch.setenv("AG_CORS_ORIGINS", "portal.example.com/app")
    with pytest.raises(ValidationError, match=r"'portal\.example\.com/app' is not an origin"):
        Settings()
