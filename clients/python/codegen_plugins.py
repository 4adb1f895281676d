"""ariadne-codegen plugins for the client (run by codegen.py, in .venv-codegen/ where ariadne_codegen is)."""

from __future__ import annotations

import ast

from ariadne_codegen.plugins.base import Plugin


class StrEnums(Plugin):
    """Enums as StrEnum rather than (str, Enum): `print(item.status)` and f"{reason}" show the GraphQL value
    (ACCEPTED, not PushStatus.ACCEPTED), as the client's enums always did."""

    def generate_enums_module(self, module: ast.Module) -> ast.Module:
        for node in module.body:
            if isinstance(node, ast.ImportFrom) and node.module == "enum":
                node.names = [ast.alias(name="StrEnum")]
            elif isinstance(node, ast.ClassDef):
                node.bases = [ast.Name(id="StrEnum", ctx=ast.Load())]
        return module
