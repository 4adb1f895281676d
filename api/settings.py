"""All settings in one class, read from the environment (and an optional .env file)."""

from __future__ import annotations

from functools import cache

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    # Let queries run without a token (AG_PUBLIC_READS=true). Changes always need one. `serve --demo` sets it.
    public_reads: bool = False
    # How long a process remembers a token lookup; a revoked token may work this long in a busy process.
    token_cache_seconds: float = Field(default=5.0, ge=0, le=300)
    local_neo4j_heap_mb: int = 1024
    local_neo4j_pagecache_mb: int = 512


@cache
def get_settings() -> Settings:
    return Settings()
