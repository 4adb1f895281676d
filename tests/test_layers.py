"""The one-way rule (docs/ARCHITECTURE.md): import-linter's contracts in pyproject.toml, and what they can't see.

`make check` runs `lint-imports`; these tests show its contracts break on a planted violation, and check the
two rules that are not about imports: Cypher lives in cypher/ only, and a lower module reaches a higher one
at resolve time only where resolvers/core/lazy.py lists it.
"""

from __future__ import annotations

import ast
import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from resolvers.core.lazy import UPWARD

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["api", "bench", "graph", "resolvers", "runtime"]
# A string holding a Cypher clause: a keyword at its start, and a pattern or clause after it.
CYPHER = re.compile(
    r"^\s*(MATCH|OPTIONAL MATCH|MERGE|CREATE|UNWIND|CALL|WITH|RETURN|DETACH DELETE)\b.*[(\s]", re.S
)


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    linter = Path(sys.executable).parent / "lint-imports"
    return subprocess.run(
        [str(linter), "--no-cache"], cwd=tree, capture_output=True, text=True, timeout=120, check=False
    )


def _copy(tmp_path: Path) -> Path:
    for name in PACKAGES:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_contracts_hold() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("graph/core/errors.py", "import strawberry", "graph/ knows no web framework"),
        ("graph/planning/teams.py", "from graph.alignment import orphans", "graph/'s domains in one order"),
        ("graph/core/paging.py", "from resolvers.core import context", "Layers: bench -> api"),
        (
            "resolvers/core/errors.py",
            "from resolvers.planning import okrs",
            "resolvers/'s domains in one order",
        ),
    ],
)
def test_a_planted_violation_breaks_its_contract(tmp_path: Path, module: str, line: str, broken: str) -> None:
    tree = _copy(tmp_path)
    path = tree / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = _lint(tree)
    assert result.returncode == 1
    assert re.search(re.escape(broken) + r".*BROKEN", result.stdout.replace("\n", " ")), result.stdout


def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def test_cypher_lives_in_cypher_files_only() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
        for package in ("api", "resolvers", "graph")
        for path in sorted((ROOT / package).rglob("*.py"))
        for line, text in _strings(path)
        if CYPHER.match(text)
    ]
    assert found == [], "Cypher belongs in cypher/<domain>/<name>.cypher:\n" + "\n".join(found)


def test_the_cypher_check_sees_cypher() -> None:
    assert CYPHER.match("MATCH (o:Objective {id: $id}) RETURN o")
    assert CYPHER.match("\n  UNWIND $rows AS row\n  MERGE (k:KeyResult {id: row.id})")
    assert not CYPHER.match("Return the objectives of a team.")


def _later_calls(path: Path) -> list[tuple[str, int]]:
    """The modules a file reaches with later(__name__, NAME), NAME resolved from the module's constants."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "later":
            arg = node.args[1]
            name = constants.get(arg.id) if isinstance(arg, ast.Name) else getattr(arg, "value", None)
            calls.append((str(name), node.lineno))
    return calls


def test_every_lazy_reach_is_listed_and_runs_up() -> None:
    for path in sorted((ROOT / "resolvers").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for target, line in _later_calls(path):
            assert target in UPWARD.get(module, ()), f"{module}:{line} reaches {target}: list it in UPWARD"
    for lower, highers in UPWARD.items():
        for higher in highers:
            # Upward: the higher module imports the lower one (directly or not) at load time.
            source = (ROOT / (higher.replace(".", "/") + ".py")).read_text(encoding="utf-8")
            importlib.import_module(higher)
            assert higher != lower and (lower in source or lower.rsplit(".", 1)[0] in source), (
                f"{higher} does not import {lower}: reach it with a plain import instead"
            )


def _domain_imports(layer: str) -> dict[str, set[str]]:
    """For each domain package of graph/ or resolvers/, the other domains it imports (TYPE_CHECKING aside)."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / layer).rglob("*.py")):
        parts = path.relative_to(ROOT / layer).parts
        if len(parts) < 2:
            continue
        domain = parts[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING"
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and id(node) not in skip and node.module:
                names = node.module.split(".")
                if names[0] == layer and len(names) > 1 and names[1] != domain:
                    found.setdefault(domain, set()).add(names[1])
        found.setdefault(domain, set())
    return found


def test_the_architecture_page_draws_the_imports_as_they_are() -> None:
    page = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    table = page[page.index("| domain | in `graph/` it imports") :].split("\n\n")[0]
    rows = re.findall(r"^\| (\w+) \| ([^|]+) \| ([^|]+) \|$", table, re.M)[1:]
    drawn = {
        layer: {
            domain: set() if cell.strip() in ("nothing", "(none)") else set(cell.replace(" ", "").split(","))
            for domain, *cells in rows
            for cell in [cells[i]]
            if cell.strip() != "(none)"
        }
        for i, layer in enumerate(("graph", "resolvers"))
    }
    for layer in ("graph", "resolvers"):
        assert _domain_imports(layer) == drawn[layer], (
            f"docs/ARCHITECTURE.md's table is out of date for {layer}/"
        )


def test_the_readme_names_every_domain_package() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Where the code lives") :].split("\n## ")[0]
    for layer in ("graph", "resolvers"):
        row = next(line for line in table.splitlines() if line.startswith(f"| `{layer}/` |"))
        named = set(re.findall(r"`(\w+)/`", row)) - {"graph", "resolvers", "api", "cypher"}
        packages = {p.name for p in (ROOT / layer).iterdir() if (p / "__init__.py").exists()}
        assert named == packages, (
            f"README's {layer}/ row names {sorted(named)}, the tree has {sorted(packages)}"
        )
