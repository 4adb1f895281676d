"""What a query selects below a field, read once, and fields that answer from what was loaded ahead.

A resolver that loads ahead (resolvers/planning/ahead.py) reads `Wanted.of_field(info)`: every field the
document selects below it, through fragments and inline fragments, by GraphQL name. Fragments are merged in
generously (a field that turns out not to be there is just not loaded), so what is loaded ahead is never less
than what is asked. It puts what it loaded on the objects it returns as plain attributes (`ahead_attr`);
`answer_ahead` makes those fields read the attribute when it is there, and run their own resolver (a
DataLoader) when it is not, e.g. for an object a mutation returned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import strawberry
from graphql import GraphQLObjectType
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection


@dataclass
class Wanted:
    """The selection below one field: its fields by name, and the fragments that carry a type condition."""

    fields: dict[str, Wanted] = field(default_factory=dict)
    on: dict[str, Wanted] = field(default_factory=dict)

    @classmethod
    def of_field(cls, info: strawberry.Info[Any, Any]) -> Wanted:
        """What the current field selects (all of its nodes: a field may be asked twice, e.g. in fragments)."""
        wanted = cls()
        for node in info.selected_fields:
            wanted.add(node.selections)
        return wanted

    def add(self, selections: Iterable[Selection]) -> None:
        for s in selections:
            if isinstance(s, SelectedField):
                self.fields.setdefault(s.name, Wanted()).add(s.selections)
            elif isinstance(s, InlineFragment | FragmentSpread):
                self.on.setdefault(s.type_condition or "", Wanted()).add(s.selections)

    def add_wanted(self, other: Wanted) -> None:
        for name, below in other.fields.items():
            self.fields.setdefault(name, Wanted()).add_wanted(below)
        for condition, below in other.on.items():
            self.on.setdefault(condition, Wanted()).add_wanted(below)

    def for_type(self, type_name: str, members: frozenset[str] = frozenset()) -> dict[str, Wanted]:
        """The fields selected on an object of `type_name`. A fragment on another member of the same union
        (`members`) does not apply; one on the type, an interface or the union itself does."""
        found: dict[str, Wanted] = {}
        for name, below in self.fields.items():
            found.setdefault(name, Wanted()).add_wanted(below)
        for condition, below in self.on.items():
            if condition in members and condition != type_name:
                continue
            for name, deeper in below.for_type(type_name, members).items():
                found.setdefault(name, Wanted()).add_wanted(deeper)
        return found


def ahead_attr(field_name: str) -> str:
    """The attribute a field's value loaded ahead is kept in, on the object it belongs to."""
    return f"_ahead_{field_name}"


def answer_ahead(schema: strawberry.Schema, fields: Iterable[tuple[str, str]]) -> None:
    """Make each (type, field) answer from its `ahead_attr` when the object has one, else resolve as before."""
    for type_name, field_name in fields:
        graphql_type = schema._schema.type_map[type_name]
        assert isinstance(graphql_type, GraphQLObjectType), type_name
        graphql_field = graphql_type.fields[field_name]
        resolve = graphql_field.resolve
        assert resolve is not None, (type_name, field_name)
        graphql_field.resolve = _from_attribute(ahead_attr(field_name), resolve)


def _from_attribute(attr: str, resolve: Callable[..., Any]) -> Callable[..., Any]:
    def resolve_ahead(source: Any, info: Any, **kwargs: Any) -> Any:
        # A plain attribute read, no coroutine: what the look-ahead loaded (None is a value too).
        found = getattr(source, "__dict__", {}).get(attr, _MISSING)
        return resolve(source, info, **kwargs) if found is _MISSING else found

    return resolve_ahead


_MISSING = object()
