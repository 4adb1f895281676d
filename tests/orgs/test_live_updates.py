"""keyResultUpdated keeps to the subscriber's organisation: no event of another organisation's key result, and
a filter naming another organisation's key result is NOT_FOUND, as for an unknown id."""

from __future__ import annotations

from api.settings import Settings
from graph.core.db import Database
from tests.integrations.test_subscription import acked, push, receive, running_server, subscribe, value
from tests.orgs.conftest import A, B, Orgs


async def test_a_subscriber_hears_only_of_its_own_organisation(
    orgs: Orgs, db: Database, settings: Settings
) -> None:
    assert orgs.admin.token and orgs.a.token and orgs.b.token
    async with (
        running_server(db, settings, orgs.admin.token) as server,
        acked(server.ws_url, orgs.a.token) as ws_a,
        acked(server.ws_url, orgs.b.token) as ws_b,
    ):
        await subscribe(ws_a, "a")
        await subscribe(ws_b, "b")
        await server.wait_for_subscribers(2)
        await push(server.gql, value(B["kr"], 4.0, "2026-02-01T10:00:00Z"))
        await push(server.gql, value(A["kr"], 70.0, "2026-02-01T10:00:00Z"))
        await push(server.gql, value(B["kr"], 5.0, "2026-02-02T10:00:00Z"))
        first_a = await receive(ws_a)
        assert first_a["payload"]["data"]["keyResultUpdated"]["keyResultId"] == A["kr"], first_a
        heard_b = [(await receive(ws_b))["payload"]["data"]["keyResultUpdated"] for _ in range(2)]
        # B's second event comes after the bank's push: B never hears of the bank's key result.
        assert [e["keyResultId"] for e in heard_b] == [B["kr"], B["kr"]]

        await subscribe(ws_a, "theirs", keyResultId=B["kr"])
        refused = await receive(ws_a)
        assert refused["id"] == "theirs" and refused["payload"]["data"] is None, refused
        await subscribe(ws_a, "unknown", keyResultId="no-such-kr")
        unknown = await receive(ws_a)
        while unknown.get("id") != "unknown" or unknown["type"] != "next":  # skip "theirs" completing
            unknown = await receive(ws_a)
        assert [e["extensions"]["code"] for e in refused["payload"]["errors"]] == ["NOT_FOUND"]
        assert [e["message"].replace(B["kr"], "?") for e in refused["payload"]["errors"]] == [
            e["message"].replace("no-such-kr", "?") for e in unknown["payload"]["errors"]
        ]
