"""Read a plan from a YAML file, a directory of YAML files and/or CSV sheets, or text; parse it into a Plan."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import ValidationError

from graph.plans import collector
from graph.plans.document import Document, Problem, read_yaml
from graph.plans.models import Plan
from graph.plans.sheets import SHEETS, read_sheets, split_bundle

YAML_SUFFIXES = (".yaml", ".yml")


class PlanFormat(StrEnum):
    YAML = "YAML"
    CSV_BUNDLE = "CSV_BUNDLE"


def read_path(path: Path, *, quick: bool = True) -> Document:
    """A YAML file, a CSV sheet, or a directory: its YAML files (sorted, merged) and its CSV sheets. `quick`:
    YAML is read without lines where it can be (the document can `reread` itself with them)."""
    with collector.paused():
        return _read_path(path, quick=quick)


def _read_path(path: Path, *, quick: bool) -> Document:
    document = Document()
    if not path.exists():
        document.problems.append(Problem("NOT_FOUND", f"{path} does not exist", str(path)))
        return document
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES):
            if read_yaml(document, str(file), file.read_text(encoding="utf-8"), quick=quick):
                document.reread = lambda: read_path(path, quick=False)
        sheets = {p.name: p for p in sorted(path.glob("*.csv"))}
        if sheets:
            texts = {name: file.read_text(encoding="utf-8") for name, file in sheets.items()}
            _sheets(document, {str(sheets[name]): text for name, text in texts.items()})
        if not document.data and not document.problems:
            document.problems.append(Problem("VALIDATION", "no .yaml, .yml or .csv plan files", str(path)))
    elif path.suffix == ".csv":
        _sheets(document, {str(path): path.read_text(encoding="utf-8")})
    elif read_yaml(document, str(path), path.read_text(encoding="utf-8"), quick=quick):
        document.reread = lambda: read_path(path, quick=False)
    return document


def _sheets(document: Document, files: dict[str, str]) -> None:
    """Read sheets named by path: each is known by its file name, and problems name the path."""
    by_name = {Path(file).name: (file, text) for file, text in files.items()}
    before = len(document.problems)
    read_sheets(document, {name: text for name, (_, text) in by_name.items()})
    full = {name: file for name, (file, _) in by_name.items()}
    document.where = {path: (full.get(name, name), line) for path, (name, line) in document.where.items()}
    document.problems[before:] = [
        Problem(p.code, p.message, full.get(p.file or "", p.file), p.line, p.path, p.field)
        for p in document.problems[before:]
    ]


def read_text(text: str, fmt: PlanFormat, *, name: str = "plan", quick: bool = True) -> Document:
    """A plan given as one string: YAML, or CSV sheets each after a `### <sheet>.csv` line."""
    with collector.paused():
        return _read_text(text, fmt, name=name, quick=quick)


def _read_text(text: str, fmt: PlanFormat, *, name: str, quick: bool) -> Document:
    document = Document()
    if fmt is PlanFormat.YAML:
        if read_yaml(document, f"{name}.yaml", text, quick=quick):
            document.reread = lambda: read_text(text, fmt, name=name, quick=False)
        return document
    sheets = split_bundle(text)
    if not sheets:
        message = (
            f"a CSV bundle starts each sheet with a line '### <sheet>.csv' (sheets: {', '.join(SHEETS)})"
        )
        document.problems.append(Problem("VALIDATION", message, name, 1))
        return document
    read_sheets(document, sheets)
    return document


def parse(document: Document) -> tuple[Plan | None, list[Problem]]:
    """The Plan the document holds (None when it does not fit the models), and every problem found reading it."""
    problems = list(document.problems)
    if "organisation" not in document.data and not problems:
        problems.append(Problem("VALIDATION", "a plan needs its organisation", None, None, "organisation"))
    try:
        plan = Plan.model_validate(document.data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            field = next((str(part) for part in reversed(loc) if isinstance(part, str)), None)
            message = error["msg"]
            if error["type"] in ("missing", "extra_forbidden") and field:
                message = f"{field}: {message.lower()}"
            problems.append(document.problem("VALIDATION", message, loc, field))
        return None, problems
    return plan, problems
