"""`aligngraph schema apply` and `aligngraph seed demo|large`: the database schema and the data the project loads."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from api.cli.common import settings_with_neo4j, with_db
from graph.core.db import Database
from graph.core.schema import apply_schema
from graph.planning.alignment_state import rebuild_missing
from graph.seed import synthetic, synthetic_load, synthetic_shape, synthetic_shapes
from graph.seed.demo import seed_demo

schema_app = typer.Typer(help="The database schema (constraints and indexes).", no_args_is_help=True)
seed_app = typer.Typer(help="Load data.", no_args_is_help=True)
console = Console()


@schema_app.command("apply")
def schema_apply() -> None:
    """Create the constraints and indexes (idempotent), and the alignment state where it is missing."""
    settings, _ = settings_with_neo4j()
    names = with_db(settings, apply_schema)
    console.print(f"Schema applied: {len(names)} statements on {settings.neo4j_uri}.")
    # A database from before the maintained alignment state (or written by another tool) gets it here.
    for org, count in with_db(settings, rebuild_missing).items():
        console.print(f"{org}: alignment state rebuilt for {count} objectives.")


@seed_app.command("demo")
def seed_demo_command(
    reset: Annotated[
        bool,
        typer.Option(
            "--reset",
            help="Delete the demo organisation and all that was added to it first (tokens stay), so it is as new.",
        ),
    ] = False,
) -> None:
    """Load the demo organisation (idempotent: re-running changes nothing; --reset undoes every change)."""
    settings, _ = settings_with_neo4j()

    async def work(db: Database) -> dict[str, int]:
        await apply_schema(db)
        return await seed_demo(db, reset=reset)

    counts = with_db(settings, work)
    verb = "reset and loaded" if reset else "loaded"
    console.print(f"Demo organisation {verb}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


@seed_app.command("large")
def seed_large_command(
    teams: Annotated[int, typer.Option(help="Teams in all: the company, business units and teams.")] = 5000,
    units: Annotated[int | None, typer.Option(help="Business units (default 60 per 5,000 teams).")] = None,
    objectives: Annotated[int | None, typer.Option(help="Objectives (default 4 per team).")] = None,
    seed: Annotated[int, typer.Option(help="The same seed and sizes always give the same graph.")] = 7,
    dependencies: Annotated[int | None, typer.Option(help="DEPENDS_ON edges (default 1.6 per team).")] = None,
    shape: Annotated[
        str, typer.Option(help=f"How teams nest and objectives link: {', '.join(synthetic_shapes.SHAPES)}.")
    ] = "flat",
) -> None:
    """Load a seeded synthetic organisation (idempotent; another seed, size or shape replaces the earlier one)."""
    try:
        default_units = synthetic_shapes.size_for(shape, teams).units
        size = synthetic_shape.Size.scaled(
            teams,
            units=units if units is not None else default_units,
            objectives=objectives,
            dependencies=dependencies,
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    org = synthetic.build(size, seed, shape)
    settings, _ = settings_with_neo4j()
    counts = with_db(settings, lambda db: synthetic_load.load_synthetic(db, org, console=console))
    console.print(f"{org.name} loaded: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
