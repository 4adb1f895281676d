"""The quick way to read a valid YAML plan: yaml-rs (Rust) without the line of each item, when the text holds
nothing that it and PyYAML could read differently.

PyYAML (graph/plans/document.py's reader) reads YAML 1.1 and keeps the line of every item, at a cost of about
20 s for a 5,000-team plan; yaml-rs reads YAML 1.2 in about 1 s. The two agree on a plan as `plan export`
writes it. They differ on some plain (unquoted) scalars (`yes`, `010`, `1_000`, `12:30`, a bare date), on
tabs, anchors, tags, flow collections and a few more; `_DIFFERENT` finds any of those (and more besides: it
may refuse text the two would read alike), and then the plan is read by PyYAML alone. A plan with any problem
is read again by PyYAML (graph/plans/service.py), so problems name the file and line exactly as before.
"""

from __future__ import annotations

import re
from typing import Any

import yaml_rs

_END = r"(?=[ \t]*(?:$|[,\]}#]|:(?:[ \t]|$)))"  # where a plain scalar ends
# Numbers both read alike: decimal integers, floats with a dot (PyYAML needs it), infinities and NaN.
_SAME_NUMBER = (
    r"[-+]?(?:0|[1-9][0-9]*)"
    r"|[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?"
    r"|\.[0-9]+(?:[eE][-+][0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
# A value the two could read differently. Keys need no check: a plan knows its keys, and an unknown one is a
# problem, so the plan is read again by PyYAML. Flow collections are refused whole, so nothing inside them is.
_VALUE = (
    r"(?=[-+._0-9YyNnOo!%@`&*?<=\[{:|>])(?:"  # most values start with a letter or a quote: quick to pass
    + "|".join(
        (
            # YAML 1.1 booleans that YAML 1.2 reads as text.
            r"(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)" + _END,
            # Anything number- or date-like but a number both read alike: 010, 0o17, 1_000, 1e3, 12:30, 2026-01-01.
            r"(?!(?:" + _SAME_NUMBER + r")" + _END + r")[-+._0-9][0-9a-fA-FxXoObBtTzZ_.:+-]*" + _END,
            r"[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt \t]|$)",
            # Tags, directives, anchors, aliases, reserved indicators, complex keys, merge and value keys.
            r"[!%@`&*]|\?(?:[ \t]|$)|<<|=" + _END,
            # Flow collections other than an empty [] or {}; an empty key.
            r"[\[{](?![\]}][ \t]*(?:$|#))",
            r":(?:[ \t]|$)",
            # Block scalars (an empty one differs).
            r"[|>][-+0-9]*[ \t]*(?:#.*)?$",
        )
    )
    + ")"
)
# A value starts after `: `, after `- `, or on a line of its own. One search each: each starts with a
# literal, which Python's re finds quickly (an 18.7 MB plan: about 1 s in all).
_DIFFERENT = [re.compile(start + _VALUE, re.M) for start in (r": [ \t]*", r"- [ \t]*", r"\n[ \t]*")]
_BREAKS = re.compile("[\x85\u2028\u2029]")  # line breaks only YAML 1.1 knows


def _may_differ(text: str) -> bool:
    if "\t" in text or (not text.isascii() and _BREAKS.search(text)):
        return True
    text = "\n" + text  # the first line starts like any other
    return any(pattern.search(text) for pattern in _DIFFERENT)


_NOT_READ = object()


def read_quickly(text: str) -> Any:
    """The text's data as PyYAML's safe loader would give it, or `NOT_READ` when only PyYAML may read it."""
    if _may_differ(text):
        return _NOT_READ
    try:
        # Dates and times stay text, as the quoted ones of an export are; the models read them.
        data = yaml_rs.loads(text, parse_datetime=False)
    except (yaml_rs.YAMLDecodeError, ValueError, TypeError):
        return _NOT_READ  # PyYAML reads it again and says where the problem is
    if data is not None and not isinstance(data, dict):
        return _NOT_READ  # several documents, or no mapping: PyYAML's words for it
    return data


NOT_READ = _NOT_READ
