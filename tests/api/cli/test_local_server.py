"""One-off commands and the local Neo4j they start, through the real `aligngraph` executable.

Runs its own local Neo4j (AG_LOCAL_NEO4J_NAME), never the worktree's 'dev' one: a one-off command says it
left the server running and how to stop it, and `aligngraph neo4j start` after a crash (SIGKILL) brings it
back on the port it had, so whatever kept its NEO4J_URI finds it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from runtime import local_neo4j

NAME = f"cli-{os.getpid()}"
AG = str(Path(sys.executable).parent / "aligngraph")


def aligngraph(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"NEO4J_URI", "AG_NEO4J_URI"}}
    env |= {"AG_LOCAL_NEO4J_NAME": NAME, "AG_LOCAL_NEO4J_HEAP_MB": "512", "AG_LOCAL_NEO4J_PAGECACHE_MB": "64"}
    done = subprocess.run([AG, *args], capture_output=True, text=True, env=env, timeout=300, check=False)
    # rich wraps lines at the terminal's width (80 here): compare words, not line breaks.
    done.stdout, done.stderr = " ".join(done.stdout.split()), " ".join(done.stderr.split())
    return done


@pytest.fixture
def own_server() -> Iterator[None]:
    yield
    aligngraph("neo4j", "stop")
    shutil.rmtree(local_neo4j.STATE_ROOT / NAME, ignore_errors=True)


@pytest.mark.usefixtures("own_server")
def test_a_one_off_command_says_it_left_neo4j_running_and_a_restart_keeps_the_port() -> None:
    first = aligngraph("schema", "apply")
    assert first.returncode == 0, first.stderr
    assert "Schema applied" in first.stdout
    # The note goes to stderr, so stdout stays the command's own (a token, CSV).
    assert "left it running" in first.stderr and "aligngraph neo4j stop" in first.stderr, first.stderr
    assert "Fetching" not in first.stdout + first.stderr
    server = local_neo4j.status(NAME)
    assert server is not None

    again = aligngraph("schema", "apply")
    assert again.returncode == 0 and "left it running" not in again.stderr, again.stderr

    os.kill(server.pid, signal.SIGKILL)
    restarted = aligngraph("neo4j", "start")
    assert restarted.returncode == 0, restarted.stderr
    assert server.uri in restarted.stdout and "aligngraph neo4j stop" in restarted.stdout, restarted.stdout
    back = local_neo4j.status(NAME)
    assert back is not None and back.pid != server.pid and back.port == server.port

    stopped = aligngraph("neo4j", "stop")
    assert stopped.returncode == 0 and "Stopped" in stopped.stdout
    assert aligngraph("neo4j", "status").returncode == 1
