"""Load the named Cypher queries in cypher/ once, and fail loudly when one is missing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parents[2] / "cypher"
_PARAM_LINE = re.compile(r"^//\s*:param\s+(\w+)\s*=>\s*(.+?)\s*;?\s*$")


class MissingQueryError(LookupError):
    """A named query has no file, or its file holds no Cypher."""


@dataclass(frozen=True)
class NamedQuery:
    """One .cypher file: its name (folder/file), full text and documented parameters."""

    name: str
    text: str
    header: str
    example_params: dict[str, str]

    @property
    def writes(self) -> bool:
        return bool(re.search(r"\b(CREATE|MERGE|SET|DELETE|REMOVE)\b", _strip_comments(self.text)))


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def _parse(name: str, text: str) -> NamedQuery:
    header_lines: list[str] = []
    params: dict[str, str] = {}
    for line in text.splitlines():
        if not line.lstrip().startswith("//"):
            break
        header_lines.append(line.lstrip()[2:].strip())
        match = _PARAM_LINE.match(line.strip())
        if match:
            params[match.group(1)] = match.group(2)
    if not _strip_comments(text).strip():
        raise MissingQueryError(f"Cypher file for {name!r} holds no query")
    return NamedQuery(name=name, text=text, header="\n".join(header_lines), example_params=params)


@cache
def all_queries() -> dict[str, NamedQuery]:
    """Return every named query, keyed by its path under cypher/ without the suffix."""
    queries: dict[str, NamedQuery] = {}
    for path in sorted(CYPHER_DIR.rglob("*.cypher")):
        name = path.relative_to(CYPHER_DIR).with_suffix("").as_posix()
        queries[name] = _parse(name, path.read_text(encoding="utf-8"))
    return queries


def query(name: str) -> str:
    """Return the Cypher text of the named query."""
    try:
        return all_queries()[name].text
    except KeyError:
        raise MissingQueryError(f"No Cypher file cypher/{name}.cypher") from None
