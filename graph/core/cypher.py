"""Load the named Cypher queries in cypher/ once, and fail loudly when one is missing.

A rule several queries share is written once, as a fragment in cypher/fragments/ (a Cypher expression over the
variables its `// :arg` lines name), and used in a query as `@name(variable, ...)`: the loader puts the
expression in, in parentheses, with the query's variables. `aligngraph cypher show` prints the result, ready to
paste into Neo4j Browser. An unknown fragment or a wrong number of arguments fails when the queries load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from graph.core.cypher_literals import LiteralError, read_literal

CYPHER_DIR = Path(__file__).resolve().parents[2] / "cypher"
_PARAM_LINE = re.compile(r"^//\s*:param\s+(\w+)\s*=>\s*(.+?)\s*;?\s*$")
_ARG_LINE = re.compile(r"^//\s*:arg\s+(\w+)\s*$")
_USE = re.compile(r"@(\w+)\(([^()]*)\)")
FRAGMENTS = "fragments"


class MissingQueryError(LookupError):
    """A named query has no file, or its file holds no Cypher."""


@dataclass(frozen=True)
class NamedQuery:
    """One .cypher file: its name (folder/file), full text and documented parameters."""

    name: str
    text: str
    header: str
    example_params: dict[str, str]

    def example_values(self) -> dict[str, Any]:
        """The documented `:param` literals as Python values (dates as dates), ready to run the query with."""
        values: dict[str, Any] = {}
        for key, literal in self.example_params.items():
            try:
                values[key] = read_literal(literal)
            except LiteralError as exc:
                raise MissingQueryError(
                    f"cypher/{self.name}.cypher: :param {key} => {literal}: {exc}"
                ) from exc
        return values

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


@dataclass(frozen=True)
class Fragment:
    """A shared Cypher expression (cypher/fragments/<name>.cypher) over the variables `args`."""

    name: str
    args: tuple[str, ...]
    body: str

    def expand(self, values: list[str], *, used_in: str) -> str:
        if len(values) != len(self.args):
            raise MissingQueryError(
                f"cypher/{used_in}.cypher: @{self.name} takes {len(self.args)} arguments "
                f"({', '.join(self.args)}), got {len(values)}"
            )
        names = dict(zip(self.args, values, strict=True))
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, self.args)) + r")\b")
        return "(" + pattern.sub(lambda m: names[m.group(1)], self.body) + ")"


@cache
def fragments() -> dict[str, Fragment]:
    """Every fragment in cypher/fragments/, by file name."""
    found: dict[str, Fragment] = {}
    for path in sorted((CYPHER_DIR / FRAGMENTS).glob("*.cypher")):
        lines = path.read_text(encoding="utf-8").splitlines()
        args = tuple(m.group(1) for line in lines if (m := _ARG_LINE.match(line.strip())))
        body = " ".join(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("//"))
        found[path.stem] = Fragment(path.stem, args, body)
    return found


def _expand(name: str, text: str) -> str:
    """Put the fragments a query uses in (comment lines are left as written)."""
    known = fragments()

    def use(match: re.Match[str]) -> str:
        fragment = known.get(match.group(1))
        if fragment is None:
            raise MissingQueryError(
                f"cypher/{name}.cypher uses @{match.group(1)}: no cypher/{FRAGMENTS}/ file"
            )
        return fragment.expand([v.strip() for v in match.group(2).split(",")], used_in=name)

    return "\n".join(
        line if line.lstrip().startswith("//") else _USE.sub(use, line) for line in text.splitlines()
    ) + ("\n" if text.endswith("\n") else "")


@cache
def all_queries() -> dict[str, NamedQuery]:
    """Return every named query, keyed by its path under cypher/ without the suffix (fragments are not queries)."""
    queries: dict[str, NamedQuery] = {}
    for path in sorted(CYPHER_DIR.rglob("*.cypher")):
        name = path.relative_to(CYPHER_DIR).with_suffix("").as_posix()
        if name.startswith(f"{FRAGMENTS}/"):
            continue
        queries[name] = _parse(name, _expand(name, path.read_text(encoding="utf-8")))
    return queries


def query(name: str) -> str:
    """Return the Cypher text of the named query."""
    try:
        return all_queries()[name].text
    except KeyError:
        raise MissingQueryError(f"No Cypher file cypher/{name}.cypher") from None
