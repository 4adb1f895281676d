"""Export an organisation (optionally one cycle, optionally with history) as a plan: YAML or CSV sheets.

The order is fixed, so the same graph always gives the same bytes: units from the company down (siblings by
id), cycles by start date (a year before its quarters), everything else by id, history by time. Exporting,
importing into an empty database and exporting again gives the same file.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from graph.core.db import Reader
from graph.core.errors import not_found
from graph.plans.models import History, Plan, TeamItem
from graph.plans.sheets import LINK_TYPES, LIST_FIELDS
from graph.plans.stored import KEY_RESULT_COLUMNS, Stored, read_stored

HEADER = "# An Alignment Graph plan (docs/PLAN_FORMAT.md). Schema: docs/plan.schema.json\n"


def _teams(teams: dict[str, TeamItem]) -> list[TeamItem]:
    children: dict[str | None, list[TeamItem]] = {}
    for team in teams.values():
        parent = team.parent_id if team.parent_id in teams else None
        children.setdefault(parent, []).append(team)
    ordered: list[TeamItem] = []
    stack = sorted(children.get(None, []), key=lambda t: t.id, reverse=True)
    while stack:
        team = stack.pop()
        ordered.append(team)
        stack.extend(sorted(children.get(team.id, []), key=lambda t: t.id, reverse=True))
    return ordered


def _scope(stored: Stored, cycle_id: str | None) -> set[str]:
    """The cycles exported: the organisation's objectives' cycles, their years and those years' quarters
    (with `cycle_id`: that cycle, the cycles above it and within it)."""
    cycles = stored.cycles
    found = {cycle_id} if cycle_id is not None else {o.cycle_id for o in stored.objectives.values()}
    years = {c for c in found if cycles[c].parent_id is None} | {cycles[c].parent_id or c for c in found}
    if cycle_id is None:
        found |= years | {c.id for c in cycles.values() if c.parent_id in years}
    else:
        found |= years | {c.id for c in cycles.values() if c.parent_id == cycle_id}
    return found


def to_plan(stored: Stored, *, cycle_id: str | None, history: bool) -> Plan:
    """The stored organisation as a plan, in the export order."""
    assert stored.organisation is not None
    cycles = _scope(stored, cycle_id)
    objectives = sorted((o for o in stored.objectives.values() if o.cycle_id in cycles), key=lambda o: o.id)
    kept = {o.id for o in objectives} | {kr.id for o in objectives for kr in o.key_results}
    for objective in objectives:
        objective.key_results.sort(key=lambda kr: kr.id)
    krs = {kr.id for o in objectives for kr in o.key_results}
    initiatives = []
    for initiative in sorted(stored.initiatives.values(), key=lambda i: i.id):
        advances = sorted(kr for kr in initiative.advances if kr in krs)
        if advances:
            initiatives.append(initiative.model_copy(update={"advances": advances}))
    priorities = sorted((p for p in stored.priorities.values() if p.cycle_id in cycles), key=lambda p: p.id)
    plan = Plan(
        organisation=stored.organisation,
        teams=_teams(stored.teams),
        cycles=sorted(
            (stored.cycles[c] for c in cycles), key=lambda c: (c.start_date, c.parent_id is not None, c.id)
        ),
        priorities=priorities,
        objectives=objectives,
        initiatives=initiatives,
        contributions=sorted(
            (c for k, c in stored.contributions.items() if k[0] in kept and k[1] in kept),
            key=lambda c: (c.child_id, c.parent_id),
        ),
        supports=sorted(
            (
                s
                for s in stored.supports.values()
                if s.objective_id in kept and s.priority_id in {p.id for p in priorities}
            ),
            key=lambda s: (s.objective_id, s.priority_id),
        ),
        dependencies=sorted(
            (d for k, d in stored.dependencies.items() if k[0] in kept and k[1] in kept),
            key=lambda d: (d.from_id, d.to_id),
        ),
    )
    if history:
        h = stored.history
        plan.history = History(
            measurements=sorted(
                (m for m in h.measurements if m.key_result_id in krs),
                key=lambda m: (m.key_result_id, m.observed_at, m.source, m.value),
            ),
            check_ins=sorted(
                (c for c in h.check_ins if c.objective_id in kept),
                key=lambda c: (c.objective_id, c.created_at, c.author),
            ),
            retrospectives=sorted(
                (
                    r
                    for r in h.retrospectives
                    if (r.objective_id in kept or r.team_id) and (r.cycle_id in cycles)
                ),
                key=lambda r: (r.objective_id or "", r.team_id or "", r.created_at, r.kind),
            ),
        )
        for check_in in plan.history.check_ins:
            check_in.values.sort(key=lambda v: v.key_result_id)
    return plan


async def read_plan(db: Reader, organisation_id: str, *, cycle_id: str | None, history: bool) -> Plan:
    """The stored organisation as a plan; NOT_FOUND for an unknown organisation or cycle."""
    stored = await read_stored(db, organisation_id, history=history)
    if stored.organisation is None:
        raise not_found("organisation", "organisationId", organisation_id)
    if cycle_id is not None and cycle_id not in stored.cycles:
        raise not_found("cycle", "cycleId", cycle_id)
    return to_plan(stored, cycle_id=cycle_id, history=history)


def _plain(plan: Plan) -> dict[str, Any]:
    data = plan.model_dump(by_alias=True, mode="json", exclude_none=True, exclude_defaults=True)
    data["organisation"] = plan.organisation.model_dump(by_alias=True, mode="json", exclude_none=True)
    return data


# A string written without quotes: it starts with a letter, holds nothing YAML reads specially, and is not a
# word YAML reads as a boolean or null. Every other string is written as JSON, which YAML reads as it is.
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 _.,/()'%&+-]*$")
_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "none", "nan", "inf"}


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if _PLAIN.match(text) and not text.endswith(" ") and text.lower() not in _WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def _emit(out: list[str], value: Any, indent: str) -> None:
    """Block-style YAML of the plan's plain data (mappings of scalars, lists and mappings), as PyYAML lays it
    out, but in a fraction of the time on a 5,000-team plan."""
    for key, item in value.items():
        if isinstance(item, dict):
            out.append(f"{indent}{key}:\n")
            _emit(out, item, indent + "  ")
        elif isinstance(item, list):
            if not item:
                out.append(f"{indent}{key}: []\n")
                continue
            out.append(f"{indent}{key}:\n")
            for element in item:
                if isinstance(element, dict):
                    inner: list[str] = []
                    _emit(inner, element, indent + "  ")
                    first = inner[0]
                    inner[0] = f"{indent}- {first[len(indent) + 2 :]}"
                    out.extend(inner)
                else:
                    out.append(f"{indent}- {_scalar(element)}\n")
        else:
            out.append(f"{indent}{key}: {_scalar(item)}\n")


def to_yaml(plan: Plan) -> str:
    """The plan as one YAML document, fields in the models' order."""
    out = [HEADER]
    _emit(out, _plain(plan), "")
    return "".join(out)


COLUMNS: dict[str, tuple[str, ...]] = {
    "organisation.csv": ("id", "name", "vision", "objectiveLimit"),
    "teams.csv": ("id", "name", "kind", "parentId"),
    "cycles.csv": ("id", "name", "kind", "startDate", "endDate", "parentId"),
    "priorities.csv": ("id", "title", "description", "cycleId"),
    "objectives.csv": (
        "id",
        "title",
        "description",
        "tier",
        "status",
        "ownerId",
        "cycleId",
        "confidence",
        "rollup",
    ),
    "key_results.csv": KEY_RESULT_COLUMNS,
    "initiatives.csv": ("id", "title", "url", "status"),
    "links.csv": ("type", "fromId", "toId", "weight", "countsTowardProgress", "note"),
    "measurements.csv": ("keyResultId", "value", "observedAt", "source"),
    "check_ins.csv": ("objectiveId", "createdAt", "author", "confidence", "issues", "plan", "values"),
    "retrospectives.csv": (
        "objectiveId",
        "teamId",
        "cycleId",
        "kind",
        "createdAt",
        "author",
        *LIST_FIELDS[1:],
    ),
}


def _cell(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "values":
        return "\n".join(
            f"{v['keyResultId']} = {v['value']}" + (f" @ {v['observedAt']}" if v.get("observedAt") else "")
            for v in value
        )
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_sheets(plan: Plan) -> dict[str, str]:
    """The plan as CSV sheets (file name -> text); empty sheets are left out, the organisation never."""
    data = _plain(plan)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    rows["organisation.csv"].append(data["organisation"])
    for name in ("teams", "cycles", "priorities", "initiatives"):
        rows[f"{name}.csv"] = data.get(name, [])
    for objective in data.get("objectives", []):
        rows["objectives.csv"].append(objective)
        for kr in objective.get("keyResults", []):
            rows["key_results.csv"].append({**kr, "objectiveId": objective["id"]})
    for kind, (section, source, target, _) in LINK_TYPES.items():
        if kind == "ADVANCES":
            for initiative in data.get("initiatives", []):
                for kr in initiative.get("advances", []):
                    rows["links.csv"].append({"type": kind, "fromId": initiative["id"], "toId": kr})
            continue
        for link in data.get(section, []):
            rows["links.csv"].append({**link, "type": kind, "fromId": link[source], "toId": link[target]})
    history = data.get("history", {})
    rows["measurements.csv"] = history.get("measurements", [])
    rows["check_ins.csv"] = history.get("checkIns", [])
    rows["retrospectives.csv"] = history.get("retrospectives", [])
    sheets = {}
    for name, columns in COLUMNS.items():
        if not rows[name]:
            continue
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows[name]:
            writer.writerow([_cell(column, row.get(column)) for column in columns])
        sheets[name] = out.getvalue()
    return sheets


def to_bundle(sheets: dict[str, str]) -> str:
    """The sheets in one string, each after a `### <sheet>.csv` line (importPlan's CSV_BUNDLE)."""
    return "".join(f"### {name}\n{text}" for name, text in sheets.items())
