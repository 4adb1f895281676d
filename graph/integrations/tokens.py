"""API tokens: bearer secrets stored only as SHA-256 hashes on :ApiToken nodes, each with scopes."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graph.core.db import Database, Tx
from graph.core.errors import NotFoundError, ValidationError

PREFIX = "ag_"
MAX_NAME = 100
# How many organisations an error about a missing --org names (one more is read to know there are more).
ORGANISATIONS_LISTED = 11


class Scope(StrEnum):
    READ = "read"
    WRITE = "write"  # planning edits
    PUSH = "push"  # key-result values only, optionally for some teams' KRs
    ADMIN = "admin"


# What each scope also grants. A token's effective scopes are the union.
IMPLIES: dict[Scope, frozenset[Scope]] = {
    Scope.READ: frozenset({Scope.READ}),
    Scope.WRITE: frozenset({Scope.WRITE, Scope.READ}),
    Scope.PUSH: frozenset({Scope.PUSH, Scope.READ}),
    Scope.ADMIN: frozenset(Scope),
}


@dataclass(frozen=True)
class Principal:
    """Who a request acts as: an active token's id, name, effective scopes and team restriction."""

    token_id: str
    name: str
    scopes: frozenset[Scope]
    # Teams (or units: teams beneath them count) whose KRs a push token may push to; empty = any team.
    team_ids: tuple[str, ...] = ()
    # The one organisation the token sees and changes; None for a token of every organisation.
    organisation_id: str | None = None

    def has(self, scope: Scope) -> bool:
        return scope in self.scopes


@dataclass(frozen=True)
class TokenInfo:
    """A stored token as `aligngraph token list` shows it (never the secret)."""

    id: str
    name: str
    scopes: tuple[str, ...]
    team_ids: tuple[str, ...]
    created_at: dt.datetime
    revoked_at: dt.datetime | None
    # None: every organisation (made with all_organisations, or stored before tokens had an organisation).
    organisation_id: str | None = None

    @classmethod
    def from_row(cls, m: dict[str, Any]) -> TokenInfo:
        revoked = m.get("revokedAt")
        return cls(
            id=m["id"],
            name=m["name"],
            scopes=tuple(m["scopes"]),
            team_ids=tuple(m.get("teamIds") or ()),
            created_at=m["createdAt"].to_native(),
            revoked_at=revoked.to_native() if revoked is not None else None,
            organisation_id=m.get("organisationId"),
        )

    def principal(self) -> Principal:
        granted = frozenset().union(*(IMPLIES[Scope(s)] for s in self.scopes))
        return Principal(
            token_id=self.id,
            name=self.name,
            scopes=granted,
            team_ids=self.team_ids,
            organisation_id=self.organisation_id,
        )


def hash_secret(secret: str) -> str:
    # Secrets are 256 random bits, so a plain SHA-256 cannot be brute-forced; no slow KDF is needed.
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _check(name: str, scopes: Iterable[str], team_ids: Iterable[str]) -> tuple[str, list[str], list[str]]:
    clean = name.strip()
    if not clean or len(clean) > MAX_NAME:
        raise ValidationError(f"name must be 1..{MAX_NAME} characters", field="name", value=name)
    picked: list[str] = []
    for scope in scopes:
        if scope not in {s.value for s in Scope}:
            allowed = ", ".join(s.value for s in Scope)
            raise ValidationError(f"scope {scope!r} is not one of {allowed}", field="scopes", value=scope)
        if scope not in picked:
            picked.append(scope)
    if not picked:
        raise ValidationError("a token needs at least one scope", field="scopes", value=[])
    teams = sorted({t.strip() for t in team_ids})
    if teams and picked != [Scope.PUSH.value]:
        raise ValidationError(
            "a team restriction applies to push-only tokens; give --scope push alone",
            field="teamIds",
            value=teams,
        )
    return clean, picked, teams


async def _organisation(db: Database, organisation_id: str | None, all_organisations: bool) -> str | None:
    """The organisation a new token belongs to: the one given, none with all_organisations, else the only one."""
    if organisation_id is not None and all_organisations:
        raise ValidationError(
            "a token belongs to one organisation or to all of them, not both",
            field="organisationId",
            value=organisation_id,
        )
    if all_organisations:
        return None
    if organisation_id is not None:
        if not await db.read("organisations/get_organisations", ids=[organisation_id]):
            raise NotFoundError(
                f"No organisation with id {organisation_id!r} (organisationId)",
                field="organisationId",
                value=organisation_id,
            )
        return organisation_id
    rows = await db.read("organisations/list_organisations", after=None, first=ORGANISATIONS_LISTED)
    if len(rows) == 1:
        return str(rows[0]["organisation"]["id"])
    known = ", ".join(row["organisation"]["id"] for row in rows[: ORGANISATIONS_LISTED - 1])
    more = ", ..." if len(rows) == ORGANISATIONS_LISTED else ""
    raise ValidationError(
        "a token belongs to one organisation: give its id (--org"
        + (f"; one of {known}{more}" if known else "; there is none yet")
        + "), or make an admin token of every organisation (--all-organisations)",
        field="organisationId",
        value=None,
    )


async def create_token(
    db: Database,
    *,
    name: str,
    scopes: Iterable[str],
    team_ids: Iterable[str] = (),
    organisation_id: str | None = None,
    all_organisations: bool = False,
) -> tuple[TokenInfo, str]:
    """Store a new token and return it with its secret (shown once; only the hash is kept).

    It belongs to `organisation_id`, or with `all_organisations` to every organisation; given neither, to the
    only organisation there is (VALIDATION when there is none or more than one).
    """
    clean, picked, teams = _check(name, scopes, team_ids)
    organisation = await _organisation(db.scoped(None), organisation_id, all_organisations)
    if teams:
        found = {
            row["team"]["id"] for row in await db.scoped(organisation).read("teams/get_teams", ids=teams)
        }
        missing = [t for t in teams if t not in found]
        if missing:
            raise NotFoundError(
                f"No team with id {missing[0]!r} (teamIds)", field="teamIds", value=missing[0]
            )
    secret = PREFIX + secrets.token_urlsafe(32)
    token_id = "tok-" + uuid.uuid4().hex[:12]

    async def work(tx: Tx) -> dict[str, Any] | None:
        return await tx.one(
            "tokens/create_token",
            id=token_id,
            name=clean,
            hash=hash_secret(secret),
            scopes=picked,
            teamIds=teams,
            organisationId=organisation,
            allOrganisations=organisation is None,
        )

    row = await db.write(work)
    assert row is not None
    return TokenInfo.from_row(row["token"]), secret


async def list_tokens(db: Database) -> list[TokenInfo]:
    return [TokenInfo.from_row(row["token"]) for row in await db.read("tokens/api_tokens")]


async def revoke_token(db: Database, token_id: str) -> TokenInfo:
    async def work(tx: Tx) -> dict[str, Any] | None:
        return await tx.one("tokens/revoke_token", id=token_id)

    row = await db.write(work)
    if row is None:
        raise NotFoundError(f"No API token with id {token_id!r} (id)", field="id", value=token_id)
    return TokenInfo.from_row(row["token"])


class TokenCache:
    """Looks tokens up by hash, remembering active tokens for `seconds` (0 = ask Neo4j on every request).

    A revoked token therefore keeps working for at most `seconds` in a process that saw it recently.
    Only tokens that were found are remembered, the `size` most recently used: a flood of made-up
    secrets costs one indexed lookup each but cannot push the real tokens out.
    """

    size = 10_000

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._entries: OrderedDict[str, tuple[float, Principal]] = OrderedDict()

    async def principal(self, db: Database, secret: str) -> Principal | None:
        """The principal for a bearer secret, or None when no active token matches."""
        if not secret.startswith(PREFIX):
            return None
        digest = hash_secret(secret)
        now = time.monotonic()
        hit = self._entries.get(digest)
        if hit is not None and now - hit[0] < self.seconds:
            self._entries.move_to_end(digest)
            return hit[1]
        rows = await db.read("tokens/find_active_token", hash=digest)
        if not rows:
            self._entries.pop(digest, None)
            return None
        principal = TokenInfo.from_row(rows[0]["token"]).principal()
        if self.seconds > 0:
            self._entries[digest] = (now, principal)
            self._entries.move_to_end(digest)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return principal
