"""The Node interface: every object with a global id, refetchable with node(id:) and nodes(ids:).

The id is the object's own key (given at creation, or a UUID), unique across every kind in the database (the
:Keyed constraint, graph/core/keys.py), so it is the global id as it is: no base64 wrapping (strawberry's
relay.Node would change every id clients, plan files and analysts already use; docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import strawberry


@strawberry.interface(
    description="An object with a global id: unique across every kind, so node(id:) refetches it and a client "
    "cache (Apollo, Relay, urql) can normalise on id alone."
)
class Node:
    id: strawberry.ID = strawberry.field(description="Its global id: unique across every kind of object.")
