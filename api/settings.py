"""All settings in one class, read from the environment (and an optional .env file)."""

from __future__ import annotations

import json
import os
import re
from functools import cache
from typing import Annotated

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from graph.health.checks import HealthThresholds

# An origin as browsers send it: scheme, host and an optional port, nothing after.
_ORIGIN = re.compile(r"\*|[a-z][a-z0-9+.-]*://[^/\s?#]+")


class Settings(BaseSettings):
    """Where Neo4j is, and how the API behaves. NEO4J_URI unset means: start the local Neo4j."""

    model_config = SettingsConfigDict(env_file=".env", env_prefix="AG_", extra="ignore")

    neo4j_uri: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_URI", "AG_NEO4J_URI"))
    neo4j_user: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_USER", "NEO4J_USERNAME"))
    neo4j_password: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_PASSWORD"))
    neo4j_database: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_DATABASE"))

    host: str = "127.0.0.1"
    port: int = 8000
    graphiql: bool = True
    max_page_size: int = Field(default=100, ge=1, le=10_000)
    max_query_depth: int = Field(default=12, ge=2)
    max_aliases: int = Field(default=30, ge=1)
    max_tokens: int = Field(default=4000, ge=100)
    # Fields a document selects once its fragments are expanded (resolvers/core/limits.py).
    max_fields: int = Field(default=1000, ge=10)
    # What an operation may cost (resolvers/core/cost.py): the most fields its answer can hold, each list
    # counted at its first/last, or at cost_list_size when it has neither. 50,000 is 2.5 times the map's page
    # of 100 objectives.
    max_query_cost: int = Field(default=50_000, ge=100)
    cost_list_size: int = Field(default=10, ge=1, le=10_000)
    # What one token (or, without one, one client address) may spend per window: the fields its answers hold,
    # about 100 operations at the cost limit a minute (resolvers/core/budget.py); 0: no rate limit.
    rate_limit: int = Field(default=5_000_000, ge=0)
    rate_limit_window_seconds: float = Field(default=60.0, gt=0, le=3600)
    # The HTTP edge (api/http_limits.py). The largest legal push (10,000 values, every text at its maximum
    # length) is 5.6 MB of JSON; a realistic one 1.9 MB.
    max_body_bytes: int = Field(default=8 * 1024 * 1024, ge=64 * 1024)
    body_timeout_seconds: float = Field(default=60.0, gt=0, le=3600)
    header_timeout_seconds: float = Field(default=10.0, gt=0, le=600)
    keep_alive_seconds: int = Field(default=5, ge=1, le=600)
    # Open connections (and requests in flight) one process serves; beyond, uvicorn answers 503 at once.
    max_connections: int = Field(default=1000, ge=10)
    # Web apps on these origins may call the API from a browser (CORS), e.g.
    # AG_CORS_ORIGINS=https://portal.example.com,http://localhost:5173 (or a JSON list); empty: CORS is off.
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # How long a browser may reuse a preflight's answer (Chromium caps it at 2 hours).
    cors_max_age_seconds: int = Field(default=7200, ge=0, le=86_400)
    # Let queries run without a token (AG_PUBLIC_READS=true). Changes always need one. `serve --demo` sets it.
    public_reads: bool = False
    # How long a process remembers a token lookup; a revoked token may work this long in a busy process.
    token_cache_seconds: float = Field(default=5.0, ge=0, le=300)
    # How often a process with live subscribers reads the change feed for other processes' writes (its own
    # writes reach its subscribers at once).
    # `aligngraph serve`'s worker processes (--workers); by default one per core.
    workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1, le=64)
    feed_poll_seconds: float = Field(default=0.1, gt=0, le=60)
    # Neo4j stops any API transaction running longer (UNAVAILABLE to the caller), so a runaway query cannot
    # hold a CPU for hours. The CLI's seeding and analysts' queries are not limited.
    query_timeout_seconds: float = Field(default=30.0, gt=0, le=3600)
    # How long a request waits for an unreachable (or restarting) Neo4j before it answers UNAVAILABLE: HTTP
    # 503 with Retry-After. It bounds connecting, waiting for a pooled connection and the driver's retries.
    db_unavailable_timeout_seconds: float = Field(default=5.0, gt=0, le=300)
    # OKR health thresholds (see docs/HEALTH.md); objective_limit applies to organisations without their own.
    health_stale_measurement_days: int = Field(default=14, ge=1, le=366)
    health_stale_check_in_days: int = Field(default=14, ge=1, le=366)
    health_low_confidence: int = Field(default=3, ge=0, le=10)
    health_confidence_drop: int = Field(default=3, ge=1, le=10)
    health_objective_limit: int = Field(default=3, ge=1, le=50)
    health_max_key_results: int = Field(default=5, ge=1, le=50)
    # The local Neo4j the CLI starts when NEO4J_URI is unset: its data lives in .neo4j/<name>.
    local_neo4j_name: str = Field(default="dev", pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")
    local_neo4j_heap_mb: int = 1024
    local_neo4j_pagecache_mb: int = 512

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _origins(cls, value: object) -> object:
        """Take a comma-separated list or a JSON list; each entry must be an origin (or `*`)."""
        if isinstance(value, str):
            text = value.strip()
            value = json.loads(text) if text.startswith("[") else [o for o in text.split(",") if o.strip()]
        if isinstance(value, list):
            value = [o.strip().rstrip("/") if isinstance(o, str) else o for o in value]
            for origin in value:
                if isinstance(origin, str) and not _ORIGIN.fullmatch(origin):
                    raise ValueError(
                        f"{origin!r} is not an origin: scheme://host[:port] without a path, or *"
                    )
        return value


def health_thresholds(settings: Settings) -> HealthThresholds:
    """The OKR health thresholds the AG_HEALTH_* settings give."""
    return HealthThresholds(
        stale_measurement_days=settings.health_stale_measurement_days,
        stale_check_in_days=settings.health_stale_check_in_days,
        low_confidence=settings.health_low_confidence,
        confidence_drop=settings.health_confidence_drop,
        objective_limit=settings.health_objective_limit,
        max_key_results=settings.health_max_key_results,
    )


@cache
def get_settings() -> Settings:
    return Settings()
