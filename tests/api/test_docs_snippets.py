"""Every fenced code block in the README, the client's README and docs/*.md runs as written, on the demo.

- `graphql` blocks are posted to the API with an admin token; every root field must answer.
- `sh` blocks run in bash (`set -e`: every line must succeed), `python` blocks in the project's Python, from a
  working directory that looks like the repository root (its entries linked in, so files a snippet writes,
  such as report.html, land in a temporary directory), against the session's Neo4j (NEO4J_URI) and a real
  uvicorn serving the app.
- A `text` block is an illustration, unless the doc says before it `<!-- file: NAME -->`: then it is written
  to NAME first, for the document's other snippets to read (the README's values.csv).
- `<!-- expect: TEXT -->` before a block: its output must contain TEXT.
- A block that cannot run here says why in the doc itself, right before it: `<!-- not run: REASON -->`.
  Any other block (js, ...) without it fails the test.

Snippets name things only the reader has; the test fills these placeholders in and changes nothing else:
the API's address `http://127.0.0.1:8000` (the test's server), a token secret `ag_...` and a token id
`tok-3f2a9c1d7e4b` (a token the test made).
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from graph.core.db import Database
from graph.integrations.tokens import create_token
from tests.conftest import GraphQL
from tests.live_server import LiveServer

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "clients" / "python" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RUNS = {"sh", "python", "graphql"}
ILLUSTRATIONS = {"text", ""}
FENCE = re.compile(r"((?:<!--[^\n]*-->\n)*)```([a-z]*)\n(.*?)^```$", re.S | re.M)
MARK = re.compile(r"<!--\s*(not run|file|expect):\s*(.*?)\s*-->")
TIMEOUT_S = 180


@dataclass(frozen=True)
class Snippet:
    doc: Path
    line: int
    lang: str
    code: str
    marks: dict[str, str]

    @property
    def id(self) -> str:
        return f"{self.doc.relative_to(ROOT)}:{self.line}:{self.lang}"


def snippets() -> list[Snippet]:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            marks = dict(MARK.findall(match.group(1)))
            line = text.count("\n", 0, match.start(2)) + 1
            found.append(Snippet(doc, line, match.group(2), match.group(3), marks))
    return found


ALL = snippets()
RUNNABLE = [s for s in ALL if s.lang in RUNS and "not run" not in s.marks and s.lang != "graphql"]
GRAPHQL = [s for s in ALL if s.lang == "graphql" and "not run" not in s.marks]


def test_every_block_runs_or_says_why_not() -> None:
    assert len(ALL) >= 25 and len(RUNNABLE) >= 8 and len(GRAPHQL) >= 10
    for snippet in ALL:
        if "not run" in snippet.marks:
            assert len(snippet.marks["not run"]) > 20, f"{snippet.id}: say why it cannot run"
        elif snippet.lang not in RUNS and "file" not in snippet.marks:
            assert snippet.lang in ILLUSTRATIONS, (
                f"{snippet.id}: a {snippet.lang} block must run or say why not"
            )


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("snippet", GRAPHQL, ids=[s.id for s in GRAPHQL])
async def test_graphql_snippet(gql: GraphQL, snippet: Snippet) -> None:
    data = await gql.ok(snippet.code)
    assert data and all(value is not None for value in data.values())


def _workdir(tmp_path: Path) -> Path:
    """A directory that looks like the repository root, so `.venv/bin/aligngraph` and relative paths work."""
    for entry in ROOT.iterdir():
        if entry.name not in {".git", ".neo4j"}:
            (tmp_path / entry.name).symlink_to(entry)
    return tmp_path


def _filled(code: str, live: LiveServer, secret: str, token_id: str) -> str:
    return (
        code.replace("http://127.0.0.1:8000", live.base_url)
        .replace("ag_...", secret)
        .replace("tok-3f2a9c1d7e4b", token_id)
    )


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("snippet", RUNNABLE, ids=[s.id for s in RUNNABLE])
async def test_shell_and_python_snippet(
    snippet: Snippet, live_server: LiveServer, db: Database, neo4j_uri: str, tmp_path: Path
) -> None:
    info, secret = await create_token(db, name="docs", scopes=["admin"])
    cwd = _workdir(tmp_path)
    for other in ALL:
        if other.doc == snippet.doc and "file" in other.marks:
            (cwd / other.marks["file"]).unlink(missing_ok=True)
            (cwd / other.marks["file"]).write_text(other.code, encoding="utf-8")
    code = _filled(snippet.code, live_server, secret, info.id)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AG_", "NEO4J_"))}
    env |= {
        "NEO4J_URI": neo4j_uri,
        "NEO4J_PASSWORD": os.environ.get("AG_TEST_NEO4J_PASSWORD", "unused"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        "COLUMNS": "120",
    }
    if snippet.lang == "sh":
        command = ["bash", "-e", "-o", "pipefail", "-c", code]
    else:
        command = [sys.executable, "-c", code]
    # A subprocess, so the server (in this event loop) answers while the snippet waits for it.
    process = await asyncio.create_subprocess_exec(
        *command, cwd=cwd, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await asyncio.wait_for(process.communicate(), TIMEOUT_S)
    output = out.decode() + err.decode()
    assert process.returncode == 0, f"{snippet.id} exited {process.returncode}:\n{code}\n{output}"
    assert "Traceback" not in output, output
    if "expect" in snippet.marks:
        assert snippet.marks["expect"] in " ".join(output.split()), output
