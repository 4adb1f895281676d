"""GraphQL Code Generator's client-preset (pinned by clients/typescript/package-lock.json, installed by
`make install`) turns every GraphQL operation in the README into TypeScript that compiles under
`tsc --strict`. The preset skips anonymous operations, so each is named Readme<N> first."""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TYPESCRIPT = ROOT / "clients" / "typescript"
BIN = TYPESCRIPT / "node_modules" / ".bin"
OPERATION = re.compile(r"^(query|mutation|subscription)\b\s*|^(?=\{)", re.M)


def readme_operations() -> list[tuple[str, str, str]]:
    """(name, kind, document) of each ```graphql block in README.md, named if it is anonymous."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = []
    for n, block in enumerate(re.findall(r"```graphql\n(.*?)```", text, re.S), 1):
        match = OPERATION.search(block)
        assert match is not None, block
        kind = (match.group(1) or "query").capitalize()
        named = block[: match.start()] + f"{match.group(1) or 'query'} Readme{n} " + block[match.end() :]
        found.append((f"Readme{n}", kind, named))
    return found


def _run(*command: str, env: dict[str, str]) -> None:
    result = subprocess.run(
        command, cwd=TYPESCRIPT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_readme_operations_compile_under_tsc_strict() -> None:
    assert (BIN / "graphql-codegen").exists(), "run `make install` (npm ci in clients/typescript)"
    # Inside clients/typescript, so the generated code's imports resolve from its node_modules.
    with tempfile.TemporaryDirectory(prefix="tmp-", dir=TYPESCRIPT) as work:
        _generate_and_compile(Path(work))


def _generate_and_compile(tmp_path: Path) -> None:
    operations = readme_operations()
    assert len(operations) >= 10
    documents, generated = tmp_path / "documents", tmp_path / "generated"
    documents.mkdir()
    for name, _, document in operations:
        (documents / f"{name}.graphql").write_text(document, encoding="utf-8")
    env = {**os.environ, "AG_DOCUMENTS": str(documents), "AG_GENERATED": str(generated)}
    _run(str(BIN / "graphql-codegen"), "--config", "codegen.ts", env=env)

    # Every operation has its typed document and result type: a program that uses them all must compile.
    types = (generated / "graphql.ts").read_text(encoding="utf-8")
    imports, uses = [], []
    for name, kind, _ in operations:
        assert f"export type {name}{kind} = " in types, name
        imports += [f"{name}Document", f"type {name}{kind}", f"type {name}{kind}Variables"]
        uses.append(f"run<{name}{kind}, {name}{kind}Variables>({name}Document)")
    (tmp_path / "use.ts").write_text(
        f'import {{ {", ".join(imports)} }} from "./generated/graphql";\n'
        'import type { TypedDocumentNode } from "@graphql-typed-document-node/core";\n'
        "declare function run<R, V>(document: TypedDocumentNode<R, V>): R;\n"
        f"export const results = [{', '.join(uses)}];\n",
        encoding="utf-8",
    )
    config = tmp_path / "tsconfig.json"
    config.write_text('{ "extends": "../tsconfig.json", "include": ["use.ts", "generated/*.ts"] }', encoding="utf-8")
    _run(str(BIN / "tsc"), "--strict", "--project", str(config), env=env)
