"""The schema describes itself: every type, field, argument, input field and enum value has a description.

Frontends read these in GraphiQL and in generated code. No database: the schema is built in memory.
"""

from __future__ import annotations

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    build_schema,
)

from resolvers.schema import schema

BUILT_IN_SCALARS = {"String", "Int", "Float", "Boolean", "ID"}


def _described(description: str | None) -> bool:
    """A description counts when it says something, on one line."""
    return bool(description and description.strip()) and "\n" not in (description or "")


def _missing(graphql_type: GraphQLNamedType) -> list[str]:
    """The type itself, and its fields with their arguments, input fields or enum values (a union has none)."""
    name = graphql_type.name
    missing = [] if _described(graphql_type.description) else [name]
    if isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType):
        for field_name, field in graphql_type.fields.items():
            if not _described(field.description):
                missing.append(f"{name}.{field_name}")
            missing += [
                f"{name}.{field_name}({arg_name})"
                for arg_name, arg in field.args.items()
                if not _described(arg.description)
            ]
    elif isinstance(graphql_type, GraphQLInputObjectType):
        missing += [
            f"{name}.{field_name}"
            for field_name, field in graphql_type.fields.items()
            if not _described(field.description)
        ]
    elif isinstance(graphql_type, GraphQLEnumType):
        missing += [
            f"{name}.{value_name}"
            for value_name, value in graphql_type.values.items()
            if not _described(value.description)
        ]
    return missing


def missing_descriptions(graphql_schema: GraphQLSchema) -> list[str]:
    """Every schema element without a description, as `Type`, `Type.field`, `Type.field(arg)`."""
    missing: list[str] = []
    for type_name, graphql_type in sorted(graphql_schema.type_map.items()):
        if type_name.startswith("__") or type_name in BUILT_IN_SCALARS:
            continue
        missing += _missing(graphql_type)
    return missing


def test_every_schema_element_has_a_description() -> None:
    missing = missing_descriptions(schema._schema)
    assert not missing, f"{len(missing)} schema elements have no one-line description:\n  " + "\n  ".join(
        missing
    )


def test_the_check_sees_a_missing_description() -> None:
    sdl = '"A thing."\ntype Query {\n  """The\n  thing."""\n  thing(id: ID!): Kind\n}\nenum Kind { A }\n'
    assert missing_descriptions(build_schema(sdl)) == ["Kind", "Kind.A", "Query.thing", "Query.thing(id)"]
