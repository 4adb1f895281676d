"""Read the Cypher literals of a file's `// :param name => literal` lines as Python values, without Neo4j.

The headers are written for Neo4j Browser, so they use Cypher's literal syntax: strings, numbers, true, false,
null, lists, maps and `date("...")` / `datetime("...")`. Reading them here keeps every statement the service
sends a file of cypher/ (no `RETURN <literal>` built from text); tests/cypher/test_cypher_files.py checks that
Neo4j reads every header literal to the same value. Anything else is refused with the file's name.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
    | (?P<number>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)
    | (?P<name>[A-Za-z_]\w*|`[^`]+`)
    | (?P<punct>[\[\]{}(),:])
    )""",
    re.VERBOSE,
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'"}
_WORDS: dict[str, Any] = {"true": True, "false": False, "null": None}


class LiteralError(ValueError):
    """A `:param` line whose value is not a Cypher literal this reader knows."""


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def _temporal(function: str, text: str) -> Any:
    if function == "date":
        return datetime.date.fromisoformat(text)
    value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)


class _Reader:
    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str]] = []
        position = 0
        while text[position:].strip():
            match = _TOKEN.match(text, position)
            if not match:
                raise LiteralError(f"unexpected text {text[position:].strip()[:20]!r}")
            kind = match.lastgroup or ""
            self.tokens.append((kind, match.group(kind)))
            position = match.end()
        self.at = 0

    def next(self, want: str | None = None) -> tuple[str, str]:
        if self.at >= len(self.tokens):
            raise LiteralError("the literal ends too early")
        token = self.tokens[self.at]
        if want is not None and token[1] != want:
            raise LiteralError(f"expected {want!r}, found {token[1]!r}")
        self.at += 1
        return token

    def peek(self) -> str:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else ""

    def items(self, close: str, one: Any) -> list[Any]:
        found: list[Any] = []
        while self.peek() != close:
            found.append(one())
            if self.peek() != close:
                self.next(",")
        self.next(close)
        return found

    def entry(self) -> tuple[str, Any]:
        kind, key = self.next()
        if kind != "name":
            raise LiteralError(f"a map key must be a name, not {key!r}")
        self.next(":")
        return key.strip("`"), self.value()

    def value(self) -> Any:
        kind, text = self.next()
        if kind == "string":
            return _unquote(text)
        if kind == "number":
            return float(text) if any(c in text for c in ".eE") else int(text)
        if text == "[":
            return self.items("]", self.value)
        if text == "{":
            return dict(self.items("}", self.entry))
        if kind == "name" and text.lower() in _WORDS:
            return _WORDS[text.lower()]
        if kind == "name" and text in ("date", "datetime"):
            self.next("(")
            argument = self.value()
            self.next(")")
            if not isinstance(argument, str):
                raise LiteralError(f"{text}() takes an ISO string here, not {argument!r}")
            return _temporal(text, argument)
        raise LiteralError(f"unexpected {text!r}")


def read_literal(text: str) -> Any:
    """The Python value of one Cypher literal, or LiteralError."""
    reader = _Reader(text)
    value = reader.value()
    if reader.at != len(reader.tokens):
        raise LiteralError(f"unexpected {reader.peek()!r} after the value")
    return value
