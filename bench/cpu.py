"""CPU time of processes (Linux /proc), so a benchmark on a shared machine can report work next to wall time.

Wall times grow when other processes compete for the CPUs; the CPU time a process used for the same work
grows much less. Elsewhere (no /proc) every function answers None and the benchmark prints "-".
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from pathlib import Path

from bench.alignment import time_calls

PROC = Path("/proc")


def cpu_seconds(pid: int | None) -> float | None:
    """User plus system CPU seconds the process has used so far, or None when unknown."""
    if pid is None:
        return None
    try:
        # After the command name (in parentheses, which may hold spaces): state, ppid, ... utime stime.
        fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def serving_pid(port: int) -> int | None:
    """The process started as `... serve ... --port <port>` (the API `bench.alignment.serving` runs)."""
    if not PROC.is_dir():
        return None
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        for at, arg in enumerate(args[:-1]):
            if arg == b"--port" and args[at + 1] == str(port).encode() and b"serve" in args:
                return int(entry.name)
    return None


def with_workers(pid: int | None) -> list[int | None]:
    """The process and the worker processes it spawned (`aligngraph serve --workers N`)."""
    if pid is None:
        return [None]
    try:
        children = (PROC / str(pid) / "task" / str(pid) / "children").read_text().split()
    except OSError:
        return [pid]
    spawned = [int(c) for c in children if b"spawn_main" in _cmdline(int(c))]
    return [pid, *spawned]


def _cmdline(pid: int) -> bytes:
    try:
        return (PROC / str(pid) / "cmdline").read_bytes()
    except OSError:
        return b""


def used_ms(before: list[float | None], after: list[float | None], calls: int) -> float | None:
    """CPU ms per call that these processes used together between two readings; None if any is unknown."""
    if calls == 0 or None in before or None in after:
        return None
    return (
        sum(b - a for a, b in zip(before, after, strict=True) if a is not None and b is not None)
        * 1000
        / calls
    )


async def timed_calls(
    call: Callable[[], Awaitable[None]], pids: list[int | None], *, runs: int, warmup: int
) -> tuple[list[float], float | None]:
    """Warm up, then time `runs` calls; also return the CPU ms per call the processes `pids` used together
    (None when one of them is unknown)."""
    await time_calls(call, runs=0, warmup=warmup)
    before = [cpu_seconds(pid) for pid in pids]
    timings = await time_calls(call, runs=runs, warmup=0)
    return timings, used_ms(before, [cpu_seconds(pid) for pid in pids], runs)
