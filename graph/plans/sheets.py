"""CSV sheets of a plan, for spreadsheet users: read into the same document (and models) as YAML.

One sheet per kind of item; a column is the YAML field of the same name. Lists (issues, attractors, ...) are
one item per line of a cell; a check-in's `values` cell holds `keyResultId = value @ observedAt` lines. Key
results name their objective (`objectiveId`), and links.csv holds every link with its `type`. A bundle in one
string (importPlan's CSV_BUNDLE) puts `### <sheet>.csv` on a line before each sheet.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from graph.plans.document import Document, Path, Problem

# Each sheet, in reading order, and the section it fills (None: handled on its own).
SHEETS: dict[str, str | None] = {
    "organisation.csv": "organisation",
    "teams.csv": "teams",
    "cycles.csv": "cycles",
    "priorities.csv": "priorities",
    "objectives.csv": "objectives",
    "key_results.csv": None,
    "initiatives.csv": "initiatives",
    "links.csv": None,
    "measurements.csv": "history.measurements",
    "check_ins.csv": "history.checkIns",
    "retrospectives.csv": "history.retrospectives",
}
LIST_FIELDS = ("issues", "attractors", "detractors", "learnings", "surprises", "changes")
LINK_TYPES = {
    "CONTRIBUTES_TO": ("contributions", "childId", "parentId", ("weight", "countsTowardProgress")),
    "SUPPORTS": ("supports", "objectiveId", "priorityId", ()),
    "DEPENDS_ON": ("dependencies", "fromId", "toId", ("note",)),
    "ADVANCES": ("initiatives", "", "", ()),
}
_VALUE = re.compile(r"^\s*(\S+)\s*=\s*([^@]+?)\s*(?:@\s*(\S+))?\s*$")
BUNDLE_MARK = re.compile(r"^### (\w+\.csv)\s*$", re.M)


def split_bundle(text: str) -> dict[str, str]:
    """The sheets of a one-string bundle: `### teams.csv` on its own line starts each."""
    parts = BUNDLE_MARK.split(text)
    return {parts[i]: parts[i + 1].lstrip("\r\n") for i in range(1, len(parts) - 1, 2)}


def _rows(name: str, text: str, document: Document) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    rows: list[tuple[int, dict[str, str]]] = []
    start = 2
    for record in reader:
        if None in record:
            document.problems.append(Problem("VALIDATION", "more cells than columns", name, start))
        else:
            rows.append((start, {k: v for k, v in record.items() if k and v not in ("", None)}))
        start = reader.line_num + 1
    return rows


def _cells(name: str, line: int, row: dict[str, str], path: Path, where: dict[Path, tuple[str, int]]) -> Any:
    item: dict[str, Any] = {}
    where[path] = (name, line)
    for key, cell in row.items():
        where[(*path, key)] = (name, line)
        if key in LIST_FIELDS:
            item[key] = [part.strip() for part in cell.splitlines() if part.strip()]
        elif key == "values":
            item[key] = [_value(part) for part in cell.splitlines() if part.strip()]
        else:
            item[key] = cell
    return item


def _value(text: str) -> Any:
    match = _VALUE.match(text)
    if match is None:
        return text  # the model refuses it: a value is a mapping
    value: dict[str, Any] = {"keyResultId": match[1], "value": match[2]}
    if match[3]:
        value["observedAt"] = match[3]
    return value


def read_sheets(document: Document, sheets: dict[str, str]) -> None:
    """Read the CSV sheets of one bundle (file name -> text) into `document`."""
    data: dict[str, Any] = {}
    where: dict[Path, tuple[str, int]] = {}
    for name in sheets:
        if name not in SHEETS:
            message = f"unknown sheet {name!r} (sheets: {', '.join(SHEETS)})"
            document.problems.append(Problem("VALIDATION", message, name, 1))
    for name, section in SHEETS.items():
        if name not in sheets:
            continue
        rows = _rows(name, sheets[name], document)
        if section == "organisation":
            for line, row in rows[:1]:
                data["organisation"] = _cells(name, line, row, ("organisation",), where)
        elif section is not None:
            keys = tuple(section.split("."))
            holder = data.setdefault("history", {}) if len(keys) == 2 else data
            items = holder.setdefault(keys[-1], [])
            for line, row in rows:
                items.append(_cells(name, line, row, (*keys, len(items)), where))
        elif name == "key_results.csv":
            _key_results(document, name, rows, data, where)
        else:
            _links(document, name, rows, data, where)
    document.merge("plan", data, where)


def _key_results(
    document: Document, name: str, rows: list[tuple[int, dict[str, str]]], data: dict[str, Any], where: Any
) -> None:
    objectives = {o.get("id"): i for i, o in enumerate(data.get("objectives", []))}
    for line, row in rows:
        owner = row.pop("objectiveId", None)
        if owner not in objectives:
            document.problems.append(
                Problem(
                    "NOT_FOUND",
                    f"objectiveId {owner!r} names no objective of objectives.csv",
                    name,
                    line,
                    "keyResults",
                    "objectiveId",
                )
            )
            continue
        index = objectives[owner]
        krs = data["objectives"][index].setdefault("keyResults", [])
        krs.append(_cells(name, line, row, ("objectives", index, "keyResults", len(krs)), where))


def _links(
    document: Document, name: str, rows: list[tuple[int, dict[str, str]]], data: dict[str, Any], where: Any
) -> None:
    initiatives = {o.get("id"): i for i, o in enumerate(data.get("initiatives", []))}
    for line, row in rows:
        kind = row.pop("type", "")
        if kind not in LINK_TYPES:
            message = f"type {kind!r} is not one of {', '.join(LINK_TYPES)}"
            document.problems.append(Problem("VALIDATION", message, name, line, "links", "type"))
            continue
        section, source, target, extra = LINK_TYPES[kind]
        unknown = sorted(set(row) - {"fromId", "toId", *extra})
        if unknown:
            message = f"a {kind} link has no {unknown[0]!r}"
            document.problems.append(Problem("VALIDATION", message, name, line, "links", unknown[0]))
            continue
        if kind == "ADVANCES":
            owner = row.get("fromId")
            if owner not in initiatives:
                message = f"fromId {owner!r} names no initiative of initiatives.csv"
                document.problems.append(Problem("NOT_FOUND", message, name, line, "links", "fromId"))
                continue
            index = initiatives[owner]
            advances = data["initiatives"][index].setdefault("advances", [])
            where[("initiatives", index, "advances", len(advances))] = (name, line)
            advances.append(row.get("toId"))
            continue
        item: dict[str, str | None] = {key: row[key] for key in extra if key in row}
        item[source], item[target] = row.get("fromId"), row.get("toId")
        items = data.setdefault(section, [])
        items.append(_cells(name, line, {k: v for k, v in item.items() if v}, (section, len(items)), where))
