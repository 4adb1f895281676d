"""The local Neo4j comes back where it was: a restarted server (after a crash or a stop) reuses its port.

A running API keeps the NEO4J_URI it started with; tests/integrations/test_outage.py kills a server with
SIGKILL and checks the API finds the restarted one. Here: the port choice itself, without starting Neo4j.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from runtime import local_neo4j

NAME = f"ports-{os.getpid()}"


@pytest.fixture
def recorded() -> Iterator[int]:
    """A server called NAME that listened on a port (now free) before it died."""
    port = local_neo4j.free_port()
    home = local_neo4j.STATE_ROOT / NAME
    home.mkdir(parents=True, exist_ok=True)
    # What start() leaves behind; a crash leaves server.json too, `stop` removes it.
    (home / "port").write_text(f"{port}\n")
    yield port
    shutil.rmtree(home, ignore_errors=True)


def test_a_restart_reuses_the_recorded_port_when_it_is_free(recorded: int) -> None:
    assert local_neo4j.recorded_port(NAME) == recorded
    assert local_neo4j.pick_port(NAME) == recorded


def test_a_recorded_port_someone_else_took_is_given_up_for_a_free_one(recorded: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.bind(("127.0.0.1", recorded))
        other.listen()
        port = local_neo4j.pick_port(NAME)
    assert port != recorded


def test_a_crash_without_the_port_file_still_finds_the_port_in_server_json(recorded: int) -> None:
    home = local_neo4j.STATE_ROOT / NAME
    (home / "port").unlink()
    (home / "server.json").write_text(f'{{"pid": 1, "port": {recorded}, "home": "{home}"}}')
    assert local_neo4j.pick_port(NAME) == recorded


def test_a_server_never_started_gets_a_free_port() -> None:
    assert local_neo4j.recorded_port(f"never-{os.getpid()}") is None
    assert local_neo4j.pick_port(f"never-{os.getpid()}") > 0


def test_jars_already_in_maven_s_cache_are_not_announced_as_fetched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A fresh checkout (no .neo4j/classpath.txt) on a machine whose ~/.m2 holds the jars: nothing is fetched,
    so "Fetching Neo4j ... (first run only)" would be wrong."""
    monkeypatch.setattr(local_neo4j, "STATE_ROOT", tmp_path)
    classpath, classes = local_neo4j.prepare(quiet=False)
    assert "Fetching" not in capsys.readouterr().out
    assert (tmp_path / "classpath.txt").exists() and (classes / "Launcher.class").exists()
    assert "neo4j" in classpath
