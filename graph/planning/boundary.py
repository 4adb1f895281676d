"""The organisation boundary: every node belongs to one organisation, and no link or new node crosses it.

Reads keep to the caller's organisation in the named queries themselves: `Database.scoped(org)` sends `$org`
to every query, and each query that starts from a caller's id or from a label leaves other organisations'
nodes out, so another organisation's object is NOT_FOUND exactly like an unknown id. Writes load what they
touch through those queries, then call `same_organisation` with the organisation of every end, so a link or a
new node that would join two organisations is refused (VALIDATION, naming the field) even for a token of every
organisation.
"""

from __future__ import annotations

from graph.core.db import Tx
from graph.core.errors import ValidationError, not_found

# An end of a write: the input field that named it, its id, and the organisation it belongs to.
End = tuple[str, str, str | None]


def same_organisation(first: End, *others: End) -> str | None:
    """Return the organisation all ends share; VALIDATION naming the first end that belongs to another one."""
    field, id, organisation = first
    for other_field, other_id, other_organisation in others:
        if other_organisation != organisation:
            raise ValidationError(
                f"{other_field} {other_id!r} belongs to organisation {other_organisation!r}, but {field} {id!r} "
                f"to {organisation!r}; links and new nodes stay inside one organisation",
                field=other_field,
                value=other_id,
            )
    return organisation


async def organisation_for_new(tx: Tx, given: str | None, *, field: str = "organisationId") -> str:
    """The organisation a new cycle or initiative goes in: the one given (NOT_FOUND if unknown or another
    organisation's), else the caller's, else the only one; VALIDATION when there is none or a choice to make."""
    if given is not None:
        if await tx.one("organisations/get_organisations", ids=[given]) is None:
            raise not_found("organisation", field, given)
        return given
    if tx.organisation_id is not None:
        return tx.organisation_id
    rows = await tx.run("organisations/list_organisations", after=None, first=1)
    if len(rows) == 1:
        return str(rows[0]["organisation"]["id"])
    raise ValidationError(
        f"{field} is required: "
        + ("there is no organisation yet" if not rows else "there is more than one organisation"),
        field=field,
        value=None,
    )
