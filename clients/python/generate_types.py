"""Write aligngraph_client/types.py from the service's schema.graphql, or check that it is current.

    python clients/python/generate_types.py            # rewrite types.py
    python clients/python/generate_types.py --check    # exit 1 if types.py differs from the schema

Only the types the client uses are generated (GENERATED below, plus the enums they reach). Object types
become frozen dataclasses with `from_json` and a `SELECTION` (the GraphQL selection set of every field the
class holds, so queries and classes cannot drift apart); input types become keyword-only dataclasses with
`to_json`, which leaves out fields that are None. Fields that take arguments, or whose type is not generated,
are left out. Needs graphql-core (`pip install './clients/python[codegen]'`); the client itself does not.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLType,
    Undefined,
    build_schema,
)

HERE = Path(__file__).resolve().parent
SCHEMA = HERE.parent.parent / "schema.graphql"
TARGET = HERE / "aligngraph_client" / "types.py"
GENERATED = [
    "KeyResultValueInput",
    "PushResult",
    "PushItemResult",
    "KeyResult",
    "Measurement",
    "MeasurementConnection",
    "PageInfo",
]
SCALARS = {"ID": "str", "String": "str", "Int": "int", "Float": "float", "Boolean": "bool"}
SCALARS |= {"DateTime": "dt.datetime", "Date": "dt.date"}
WIDTH = 110
HEADER = '''\
"""Alignment Graph API types, generated from schema.graphql by clients/python/generate_types.py: do not edit.

Regenerate with `aligngraph export-schema` or `python clients/python/generate_types.py`; a test compares.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar


def _datetime(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
'''


def snake(name: str) -> str:
    """Turn a GraphQL field name into a Python one: observedAt -> observed_at."""
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


def docstring(text: str | None, indent: str) -> list[str]:
    """A docstring (one line when it fits), wrapped to the line length."""
    if not text:
        return []
    text = " ".join(text.split()).replace('"""', "'''")
    if len(indent) + len(text) + 6 <= WIDTH:
        return [f'{indent}"""{text}"""']
    lines = textwrap.wrap(text, WIDTH - len(indent))
    return [f'{indent}"""{lines[0]}', *(f"{indent}{line}" for line in lines[1:]), f'{indent}"""']


def comment(text: str | None, indent: str) -> list[str]:
    """A field's description as `#:` comment lines."""
    if not text:
        return []
    wrapped = textwrap.wrap(" ".join(text.split()), WIDTH - len(indent) - 3)
    return [f"{indent}#: {line}" for line in wrapped]


def unwrap(kind: GraphQLType) -> tuple[GraphQLType, bool, bool]:
    """The named type, whether the outer value may be null, and whether it is a list (of non-null items)."""
    nullable = not isinstance(kind, GraphQLNonNull)
    if isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    if isinstance(kind, GraphQLList):
        item = kind.of_type
        if not isinstance(item, GraphQLNonNull):
            raise NotImplementedError(f"lists of nullable items are not supported: {kind}")
        return item.of_type, nullable, True
    return kind, nullable, False


class Generator:
    """Collects the classes of GENERATED, with the enums they reach, in a stable order."""

    def __init__(self, schema: GraphQLSchema) -> None:
        self.schema = schema
        self.names = set(GENERATED)
        self.enums: set[str] = set()
        for name in GENERATED:
            kind = schema.get_type(name)
            if kind is None:
                raise KeyError(f"schema.graphql has no type {name}")

    def fields(self, kind: GraphQLObjectType | GraphQLInputObjectType) -> list[tuple[str, Any]]:
        """The fields that go into the class: no arguments, and of a scalar, enum or generated type."""
        kept = []
        for name, field in kind.fields.items():
            if isinstance(field, GraphQLField) and field.args:
                continue
            named = unwrap(field.type)[0]
            if isinstance(named, GraphQLEnumType):
                self.enums.add(named.name)
            elif isinstance(named, GraphQLScalarType):
                if named.name not in SCALARS:
                    raise NotImplementedError(f"scalar {named.name} ({kind.name}.{name}) has no Python type")
            elif getattr(named, "name", None) not in self.names:
                continue
            kept.append((name, field))
        return kept

    def annotation(self, kind: GraphQLType) -> str:
        named, nullable, is_list = unwrap(kind)
        name = getattr(named, "name", "")
        text = SCALARS.get(name, name)
        if is_list:
            text = f"list[{text}]"
        return f"{text} | None" if nullable else text

    def selection(self, kind: GraphQLObjectType) -> str:
        parts = []
        for name, field in self.fields(kind):
            named = unwrap(field.type)[0]
            if isinstance(named, GraphQLObjectType):
                parts.append(f"{name} {{ {self.selection(named)} }}")
            else:
                parts.append(name)
        return " ".join(parts)

    def decode(self, kind: GraphQLType, expr: str) -> str:
        """The expression turning JSON `expr` into the field's Python value."""
        named, nullable, is_list = unwrap(kind)
        name = getattr(named, "name", "")
        one = {
            "Float": "float({})",
            "DateTime": "_datetime({})",
            "Date": "_date({})",
        }.get(name, "{}")
        if isinstance(named, GraphQLEnumType):
            one = f"{name}({{}})"
        elif isinstance(named, GraphQLObjectType):
            one = f"{name}.from_json({{}})"
        body = one
        if is_list:
            body = "list({})" if one == "{}" else f"[{one.format('item')} for item in {{}}]"
        if nullable and body != "{}":
            return f"None if {expr} is None else {body.format(expr)}"
        return body.format(expr)

    def encode(self, kind: GraphQLType, expr: str) -> str:
        named = unwrap(kind)[0]
        if getattr(named, "name", "") in ("DateTime", "Date"):
            return f"{expr}.isoformat()"
        if isinstance(named, GraphQLEnumType):
            return f"{expr}.value"
        return expr

    def enum_class(self, kind: GraphQLEnumType) -> list[str]:
        lines = ["", "", f"class {kind.name}(StrEnum):", *docstring(kind.description, "    ")]
        lines += [""] if kind.description else []
        for value in kind.values:
            lines.append(f'    {value} = "{value}"')
        return lines

    def object_class(self, kind: GraphQLObjectType) -> list[str]:
        lines = [
            "",
            "",
            "@dataclass(frozen=True)",
            f"class {kind.name}:",
            *docstring(kind.description, "    "),
        ]
        lines += [""] if kind.description else []
        selection = self.selection(kind)
        lines += self.long_string("    SELECTION: ClassVar[str] = ", selection, "    ")
        lines.append("")
        fields = self.fields(kind)
        for name, field in fields:
            lines += comment(field.description, "    ")
            lines.append(f"    {snake(name)}: {self.annotation(field.type)}")
        lines += ["", "    @classmethod", f"    def from_json(cls, data: dict[str, Any]) -> {kind.name}:"]
        lines.append('        """Build it from a response\'s JSON object."""')
        lines.append("        return cls(")
        for name, field in fields:
            key = 'data["' + name + '"]'
            lines.append(f"            {snake(name)}={self.decode(field.type, key)},")
        lines.append("        )")
        return lines

    def input_class(self, kind: GraphQLInputObjectType) -> list[str]:
        lines = ["", "", "@dataclass(frozen=True, kw_only=True)", f"class {kind.name}:"]
        lines += docstring(kind.description, "    ")
        lines += [""] if kind.description else []
        fields = self.fields(kind)
        for name, field in fields:
            assert isinstance(field, GraphQLInputField)
            default = ""
            if field.default_value is not Undefined:
                if field.default_value is not None:
                    raise NotImplementedError(f"{kind.name}.{name}: only null defaults are supported")
                default = " = None"
            elif not isinstance(field.type, GraphQLNonNull):
                default = " = None"
            lines += comment(field.description, "    ")
            lines.append(f"    {snake(name)}: {self.annotation(field.type)}{default}")
        lines += ["", "    def to_json(self) -> dict[str, Any]:"]
        lines.append('        """The JSON object of a GraphQL variable, without the fields that are None."""')
        lines.append("        data: dict[str, Any] = {}")
        for name, field in fields:
            value = self.encode(field.type, f"self.{snake(name)}")
            if isinstance(field.type, GraphQLNonNull):
                lines.append(f'        data["{name}"] = {value}')
            else:
                lines.append(f"        if self.{snake(name)} is not None:")
                lines.append(f'            data["{name}"] = {value}')
        lines.append("        return data")
        return lines

    @staticmethod
    def long_string(prefix: str, text: str, indent: str) -> list[str]:
        """`prefix + repr(text)`, split into implicitly joined pieces when longer than a line."""
        if len(prefix) + len(text) + 2 <= WIDTH:
            return [f'{prefix}"{text}"']
        if len(indent) + 4 + len(text) + 2 <= WIDTH:
            return [f"{prefix}(", f'{indent}    "{text}"', f"{indent})"]
        pieces = textwrap.wrap(text, WIDTH - len(indent) - 8, drop_whitespace=False)
        return [f"{prefix}(", *(f'{indent}    "{piece}"' for piece in pieces), f"{indent})"]

    def render(self) -> str:
        classes: list[str] = []
        for name in GENERATED:
            kind = self.schema.get_type(name)
            if isinstance(kind, GraphQLObjectType):
                classes += self.object_class(kind)
            elif isinstance(kind, GraphQLInputObjectType):
                classes += self.input_class(kind)
            else:
                raise NotImplementedError(f"{name} is neither an object nor an input type")
        enums: list[str] = []
        for name in sorted(self.enums):
            kind = self.schema.get_type(name)
            assert isinstance(kind, GraphQLEnumType)
            enums += self.enum_class(kind)
        return HEADER + "\n".join(enums + classes) + "\n"


def generate(sdl: str) -> str:
    """The text of types.py for the schema `sdl`."""
    return Generator(build_schema(sdl)).render()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--schema", type=Path, default=SCHEMA, help="the SDL (default: the repo's schema.graphql)"
    )
    parser.add_argument("--out", type=Path, default=TARGET, help="where types.py goes")
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when the file is stale")
    args = parser.parse_args(argv)
    text = generate(args.schema.read_text(encoding="utf-8"))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is stale: run python {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"Wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
