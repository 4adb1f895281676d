"""The per-request GraphQL context: the database, the caller and fresh DataLoaders.

Each domain keeps its own DataLoaders (resolvers/<domain>/loaders.py) and reaches this request's instance with
`info.context.loaders_for(ItsLoaders)`, so the core knows no domain.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar, cast

import strawberry
from strawberry.fastapi import BaseContext

from graph.core.db import Database
from graph.health.checks import HealthThresholds
from graph.integrations.change_feed import ChangeFeed
from graph.integrations.tokens import Principal

L = TypeVar("L")


@dataclass
class Settings:
    """The API settings resolvers need (kept apart from the app's settings class)."""

    max_page_size: int = 100
    # Queries without a token are allowed (the local demo); changes always need one.
    public_reads: bool = False
    health: HealthThresholds = field(default_factory=HealthThresholds)


class Context(BaseContext):
    """What every resolver sees through `info.context`."""

    def __init__(
        self,
        *,
        db: Database,
        settings: Settings,
        principal: Principal | None = None,
        auth_problem: str | None = None,
        events: ChangeFeed | None = None,
    ) -> None:
        super().__init__()
        self._db = db
        self.settings = settings
        # The request's token (None without one); auth_problem says why a token that was sent is refused.
        self.principal = principal
        self.auth_problem = auth_problem
        self.public_reads = settings.public_reads
        # The process's live updates (keyResultUpdated), read from the change feed in Neo4j.
        self.events = events if events is not None else ChangeFeed(db=db)
        # DataLoaders are made fresh per request, so nothing is cached across requests.
        self._loaders: dict[Callable[[Database], object], object] = {}
        # Set for a websocket connection, whose one context serves every operation sent over it.
        self.reauthenticate: Callable[[], Awaitable[tuple[Principal | None, str | None]]] | None = None

    @property
    def organisation_id(self) -> str | None:
        """The one organisation this request sees and changes: its token's; None for a token of every
        organisation, or without a token (public reads)."""
        return self.principal.organisation_id if self.principal is not None else None

    @property
    def db(self) -> Database:
        """The database as this request's token sees it: every query keeps to the token's organisation, so
        another organisation's object is NOT_FOUND (or null), exactly like an unknown id."""
        return self._db.scoped(self.organisation_id)

    async def begin_operation(self) -> None:
        """Over a websocket: look the connection's token up again (a revoked one stops working within the
        token cache's seconds, as over HTTP) and start with fresh DataLoaders, as an HTTP request would."""
        if self.reauthenticate is None:
            return
        self.principal, self.auth_problem = await self.reauthenticate()
        self._loaders = {}

    def loaders_for(self, make: Callable[[Database], L]) -> L:
        """This request's instance of a domain's DataLoaders, made on first use."""
        found = self._loaders.get(make)
        if found is None:
            found = self._loaders[make] = make(self.db)
        return cast(L, found)


Info = strawberry.Info[Context, None]
