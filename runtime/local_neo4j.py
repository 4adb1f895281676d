"""Fetch, start, wait for and stop a local embedded Neo4j with Bolt on loopback."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import DriverError, Neo4jError

REPO_ROOT = Path(__file__).resolve().parent.parent
JAVA_DIR = Path(__file__).resolve().parent / "java"
STATE_ROOT = REPO_ROOT / ".neo4j"


class LocalNeo4jError(RuntimeError):
    """The local Neo4j could not be prepared or started."""


@dataclass(frozen=True)
class RunningServer:
    """A local Neo4j process and where it listens."""

    name: str
    pid: int
    port: int
    home: Path

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"


def _run(cmd: list[str], what: str) -> str:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise LocalNeo4jError(f"{what}: {cmd[0]} is not installed ({exc})") from exc
    if done.returncode != 0:
        tail = (done.stdout + done.stderr)[-3000:]
        raise LocalNeo4jError(f"{what} failed (exit {done.returncode}):\n{tail}")
    return done.stdout


def prepare(*, quiet: bool = False) -> tuple[str, Path]:
    """Fetch the Neo4j jars (cached by Maven) and compile the launcher; return classpath and classes dir."""
    STATE_ROOT.mkdir(exist_ok=True)
    pom = JAVA_DIR / "pom.xml"
    launcher = JAVA_DIR / "Launcher.java"
    cp_file = STATE_ROOT / "classpath.txt"
    classes = STATE_ROOT / "classes"
    if not cp_file.exists() or cp_file.stat().st_mtime < pom.stat().st_mtime:
        build_classpath = [
            "mvn",
            "-q",
            "-B",
            "-f",
            str(pom),
            "dependency:build-classpath",
            f"-Dmdep.outputFile={cp_file}",
            "-Dmdep.includeScope=runtime",
        ]
        try:
            # Offline first: when ~/.m2 already holds the jars nothing is fetched, so nothing is announced.
            _run([*build_classpath, "--offline"], "mvn dependency:build-classpath --offline")
        except LocalNeo4jError:
            if not quiet:
                print(
                    "Fetching Neo4j 5.26 community from Maven Central into ~/.m2 (first run only)...",
                    flush=True,
                )
            _run(build_classpath, "mvn dependency:build-classpath")
    classpath = cp_file.read_text().strip()
    compiled = classes / "Launcher.class"
    if not compiled.exists() or compiled.stat().st_mtime < launcher.stat().st_mtime:
        classes.mkdir(exist_ok=True)
        _run(["javac", "-cp", classpath, "-d", str(classes), str(launcher)], "javac Launcher.java")
    return classpath, classes


def free_port() -> int:
    """Return a TCP port on loopback that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _state_file(name: str) -> Path:
    return STATE_ROOT / name / "server.json"


def _port_file(name: str) -> Path:
    # Outlives server.json (which `stop` removes), so a stopped or crashed server comes back on its old port.
    return STATE_ROOT / name / "port"


def _port_is_free(port: int) -> bool:
    """True when a server could listen on `port`: nobody listens there (connections of a killed server
    lingering in TIME_WAIT do not count, as they do not for Neo4j, which binds with SO_REUSEADDR)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def recorded_port(name: str) -> int | None:
    """The port the server called `name` listened on last time, if any."""
    for path, read in (
        (_port_file(name), str.strip),
        (_state_file(name), lambda t: str(json.loads(t)["port"])),
    ):
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            return int(read(path.read_text()))
    return None


def pick_port(name: str) -> int:
    """The recorded port when it is free again, so clients that keep NEO4J_URI (a running API) find the
    restarted server; otherwise a new free one."""
    port = recorded_port(name)
    if port is not None and _port_is_free(port):
        return port
    return free_port()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def status(name: str) -> RunningServer | None:
    """Return the running server called `name`, or None."""
    path = _state_file(name)
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    server = RunningServer(name=name, pid=data["pid"], port=data["port"], home=Path(data["home"]))
    if not _alive(server.pid) or not _reachable(server.uri):
        return None
    return server


def _reachable(uri: str) -> bool:
    try:
        with GraphDatabase.driver(uri, auth=("neo4j", "unused")) as driver:
            driver.verify_connectivity()
    except (DriverError, Neo4jError, OSError):
        return False
    return True


def start(
    name: str = "dev",
    *,
    fresh: bool = False,
    heap_mb: int = 1024,
    pagecache_mb: int = 512,
    timeout_s: float = 120.0,
    quiet: bool = False,
) -> RunningServer:
    """Start (or reuse) the local Neo4j called `name`, waiting until Bolt answers."""
    existing = status(name)
    if existing and not fresh:
        return existing
    if existing:
        stop(name)
    began = time.monotonic()
    classpath, classes = prepare(quiet=quiet)
    home = STATE_ROOT / name
    port = pick_port(name)
    if fresh and home.exists():
        shutil.rmtree(home)
    home.mkdir(parents=True, exist_ok=True)
    _port_file(name).write_text(f"{port}\n")
    log_path = home / "neo4j.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [
                "java",
                f"-Xmx{heap_mb}m",
                f"-Xms{min(heap_mb, 256)}m",
                "-cp",
                f"{classpath}{os.pathsep}{classes}",
                "Launcher",
                str(home / "dbms"),
                str(port),
                str(pagecache_mb),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = RunningServer(name=name, pid=proc.pid, port=port, home=home)
    deadline = time.monotonic() + timeout_s
    while not _reachable(server.uri):
        if proc.poll() is not None:
            raise LocalNeo4jError(
                f"Neo4j exited with {proc.returncode}; log:\n{log_path.read_text()[-3000:]}"
            )
        if time.monotonic() > deadline:
            proc.terminate()
            raise LocalNeo4jError(
                f"Neo4j did not answer on {server.uri} within {timeout_s:.0f}s; see {log_path}"
            )
        time.sleep(0.25)
    _state_file(name).write_text(json.dumps({"pid": proc.pid, "port": port, "home": str(home)}))
    if not quiet:
        print(f"Neo4j 5.26 ({name}) ready at {server.uri} in {time.monotonic() - began:.1f}s", flush=True)
    return server


def stop(name: str = "dev", *, timeout_s: float = 60.0) -> bool:
    """Stop the local Neo4j called `name` with SIGTERM; return whether one was running."""
    path = _state_file(name)
    if not path.exists():
        return False
    pid = json.loads(path.read_text())["pid"]
    path.unlink()
    if not _alive(pid):
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while _alive(pid) and time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reap our own child so it stops counting as alive
        time.sleep(0.1)
    if _alive(pid):
        os.kill(pid, signal.SIGKILL)
    return True
