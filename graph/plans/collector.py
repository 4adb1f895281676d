"""Python's cyclic garbage collector paused while a large plan is read, checked and written.

A 5,000-team plan makes about two million small objects (its data, then its models) that live until the import
ends. Each allocation burst triggers a collection that walks every live object again: on the bench plan that
was a third of the dry run's Python time (validate_python 4.1 s -> 1.6 s, the graph rules' view 1.3 s -> 0.4 s
with it paused; docs/BENCHMARKS.md, "Plan files"). Reference counting still frees everything without cycles;
the collector resumes when the last paused section ends (imports may overlap in the server).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused = 0  # sections running; the collector resumes when this falls back to 0
_was_enabled = True


@contextmanager
def paused() -> Iterator[None]:
    """Pause automatic collection for the duration (nested and overlapping sections allowed)."""
    global _paused, _was_enabled
    if _paused == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
    _paused += 1
    try:
        yield
    finally:
        _paused -= 1
        if _paused == 0 and _was_enabled:
            gc.enable()
