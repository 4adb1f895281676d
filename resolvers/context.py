"""The per-request GraphQL context: the database and fresh DataLoaders."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.fastapi import BaseContext

from graph.db import Database
from resolvers.loaders import Loaders


@dataclass
class Settings:
    """The API settings resolvers need (kept apart from the app's settings class)."""

    max_page_size: int = 100


class Context(BaseContext):
    """What every resolver sees through `info.context`."""

    def __init__(self, *, db: Database, settings: Settings) -> None:
        super().__init__()
        self.db = db
        self.settings = settings
        # DataLoaders are made fresh per request, so nothing is cached across requests.
        self.loaders = Loaders(db)
