"""A plan document as read from its files: plain data, the file and line of every item, and reading problems.

YAML files and CSV sheets (graph/plans/sheets.py) both end here, so there is one importer: the merged data is
validated into graph/plans/models.py's Plan, and each problem names the file and line (or CSV row) it is on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from graph.plans.fast_yaml import NOT_READ, read_quickly

Path = tuple[Any, ...]  # ("objectives", 3, "keyResults", 0, "target")
# Sections holding lists, merged across files by appending; "history" holds three more.
LISTS = (
    "teams",
    "cycles",
    "priorities",
    "objectives",
    "initiatives",
    "contributions",
    "supports",
    "dependencies",
)
HISTORY = ("measurements", "checkIns", "retrospectives")
SECTIONS = ("organisation", *LISTS, "history")


@dataclass(frozen=True)
class Problem:
    """Why a plan can't be imported: a stable code, where (file, line, item path, field) and what is wrong."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    path: str = ""
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else (self.file or "plan")
        return f"{where}: {self.path or 'plan'}: {self.code}: {self.message}"


def show(path: Path) -> str:
    """The path as the plan's author reads it: objectives[3].keyResults[0].target."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass
class Document:
    """Merged plain data of every file, and where each item and field came from.

    A YAML file read quickly (graph/plans/fast_yaml.py) has no lines: `reread` then reads the same files again
    with them, for a plan with problems to name each one's line."""

    data: dict[str, Any] = field(default_factory=dict)
    where: dict[Path, tuple[str, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    reread: Callable[[], Document] | None = None

    def locate(self, path: Path) -> tuple[str | None, int | None]:
        """The file and line of the item at `path`, or of its nearest enclosing item."""
        for end in range(len(path), -1, -1):
            found = self.where.get(tuple(path[:end]))
            if found is not None:
                return found
        return None, None

    def problem(self, code: str, message: str, path: Path, field: str | None = None) -> Problem:
        file, line = self.locate(path)
        return Problem(code, message, file, line, show(path), field)

    def add(self, code: str, message: str, path: Path, field: str | None = None) -> None:
        self.problems.append(self.problem(code, message, path, field))

    def merge(self, name: str, data: Any, where: dict[Path, tuple[str, int]]) -> None:
        """Add one file's data: list sections append, the organisation may be given once (or identically)."""
        if data is None:
            return
        if not isinstance(data, dict):
            self.problems.append(Problem("VALIDATION", "a plan file holds a mapping of sections", name, 1))
            return
        shift: dict[Path, int] = {}
        for key, value in data.items():
            if key not in SECTIONS:
                self.problems.append(
                    Problem(
                        "VALIDATION",
                        f"unknown section {key!r} (sections: {', '.join(SECTIONS)})",
                        *where.get((key,), (name, 1)),
                        path=str(key),
                        field=str(key),
                    )
                )
            elif key in LISTS:
                shift[(key,)] = self._append((key,), value)
            elif key == "history" and isinstance(value, dict):
                history = self.data.setdefault("history", {})
                for part, items in value.items():
                    if part in HISTORY:
                        shift[("history", part)] = len(history.get(part) or [])
                        history.setdefault(part, [])
                        history[part] = [*history[part], *(items if isinstance(items, list) else [items])]
                    else:
                        history[part] = items  # the model refuses it, with its line
            elif key in self.data and self.data[key] != value:
                self.problems.append(
                    Problem(
                        "CONFLICT", f"{key} is given twice, differently", *where.get((key,), (name, 1)), key
                    )
                )
            else:
                self.data[key] = value
        if not self.where:  # the first file: its paths stand as they are
            self.where = where
            return
        shift = {prefix: offset for prefix, offset in shift.items() if offset}
        for path, place in where.items():
            for prefix, offset in shift.items():
                n = len(prefix)
                if path[:n] == prefix and len(path) > n and isinstance(path[n], int):
                    path = (*prefix, path[n] + offset, *path[n + 1 :])
                    break
            self.where.setdefault(path, place)

    def _append(self, key: Path, value: Any) -> int:
        items = self.data.setdefault(key[0], [])
        offset = len(items)
        self.data[key[0]] = [*items, *(value if isinstance(value, list) else [value])]
        return offset


# libyaml's parser and composer when PyYAML has them (several times faster on a 5,000-team plan).
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
# Plain scalars that start with a letter but are no string in YAML 1.1 (booleans and nulls).
_WORDS = {
    w
    for word in ("yes", "no", "true", "false", "on", "off", "y", "n", "null")
    for w in (word, word.title(), word.upper())
}


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """The safe loader with a quick answer for the usual plain scalar (an id, a title): text that starts with a
    letter is a string unless it is a boolean or null word. The resolver's regular expressions, run for each of
    a large plan's 1.6 million scalars, cost more than parsing."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0] and value[:1].isalpha() and value not in _WORDS:
            return _STR
        return super().resolve(kind, value, implicit)


_SCALARS = yaml.SafeLoader(""), "tag:yaml.org,2002:"


def _scalar(node: yaml.ScalarNode) -> Any:
    """A scalar as YAML's safe loader reads it (by the tag the resolver gave it), without its constructor."""
    tag = node.tag.removeprefix(_SCALARS[1])
    value = node.value
    if tag == "str":
        return value
    if tag == "int" and value.lstrip("+-").isdigit():
        return int(value)
    if tag == "float" and "_" not in value and ":" not in value:
        try:
            return float(value)
        except ValueError:
            pass
    if tag == "null":
        return None
    if tag == "bool":
        return value.lower() in ("yes", "true", "on", "y")
    return _SCALARS[0].construct_object(node, deep=True)


def _plain(node: yaml.Node, path: Path, name: str, where: dict[Path, tuple[str, int]]) -> Any:
    """Plain dicts, lists and scalars from the composed nodes, recording the line of every mapping and key
    under its path (the line of an error is where the item or field is written)."""
    if isinstance(node, yaml.MappingNode):
        where[path] = (name, node.start_mark.line + 1)
        plain: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if key == "<<":
                raise yaml.YAMLError("merge keys (<<) are not supported in plans")
            where[(*path, key)] = (name, key_node.start_mark.line + 1)
            plain[key] = _plain(value_node, (*path, key), name, where)
        return plain
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, (*path, i), name, where) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(node)


def read_yaml(document: Document, name: str, text: str, *, quick: bool = False) -> bool:
    """Parse one YAML file into `document`, or record why it can't be parsed; return whether it was read
    `quick`ly (without lines), which it is when asked and the quick reader reads it as PyYAML would."""
    if quick:
        data = read_quickly(text)
        if data is not NOT_READ:
            document.merge(name, data, {})
            return True
    where: dict[Path, tuple[str, int]] = {}
    try:
        root = yaml.compose(text, Loader=_Loader)
        data = None if root is None else _plain(root, (), name, where)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        document.problems.append(Problem("VALIDATION", f"not valid YAML: {exc}".splitlines()[0], name, line))
        return False
    document.merge(name, data, where)
    return False
