"""Write aligngraph_client/generated/ with ariadne-codegen, or check that it is current.

    python clients/python/codegen.py            # regenerate (aligngraph export-schema runs this)
    python clients/python/codegen.py --check    # exit 1 when the committed code differs (a test runs this)

ariadne-codegen reads ../../schema.graphql and operations/**/*.graphql ([tool.ariadne-codegen] in
pyproject.toml) and writes typed pydantic models and an async client with one method per operation,
subscriptions included. It makes one client per run, so a second run with `async_client = false` adds the
blocking one (sync_client.py and its base_client.py; the other files of the two runs are the same). It runs
from its own virtualenv, .venv-codegen/ (`make install`, pinned by codegen-requirements.txt): it needs
graphql-core 3.2, while the service needs 3.3.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = HERE / "aligngraph_client" / "generated"
DEFAULT_TOOL = HERE.parents[1] / ".venv-codegen" / "bin" / "ariadne-codegen"
TOOL = Path(os.environ.get("AG_ARIADNE_CODEGEN", DEFAULT_TOOL))
# Subscriptions need the async client: the blocking one is made from operations/http/ only.
SYNC = {
    "async_client": False,
    "client_name": "GeneratedClient",
    "client_file_name": "sync_client",
    "queries_path": "operations/http",
}
SYNC_FILES = ("sync_client.py", "base_client.py")


def _toml(settings: dict[str, object]) -> str:
    """The [tool.ariadne-codegen] table of a config file (strings, booleans and one level of sub-tables)."""
    lines, tables = ["[tool.ariadne-codegen]"], []
    for key, value in settings.items():
        if isinstance(value, dict):
            tables.append((key, value))
        elif isinstance(value, bool):
            lines.append(f"{key} = {str(value).lower()}")
        elif isinstance(value, list):
            lines.append(f"{key} = [{', '.join(repr(str(item)) for item in value)}]")
        else:
            lines.append(f'{key} = "{value}"')
    for name, table in tables:
        for sub, fields in table.items():
            lines.append(f"[tool.ariadne-codegen.{name}.{sub}]")
            lines.extend(f'{key} = "{value}"' for key, value in fields.items())
    return "\n".join(lines) + "\n"


def _run(settings: dict[str, object], into: Path) -> Path:
    """Run ariadne-codegen from HERE (so the paths it writes into headers are relative) into `into`."""
    if not TOOL.exists():
        sys.exit(f"{TOOL} is missing: run `make install` (it creates .venv-codegen/)")
    config = into / "codegen.toml"
    config.write_text(_toml({**settings, "target_package_path": str(into)}), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(HERE)}  # codegen_plugins.py
    done = subprocess.run(
        [str(TOOL), "--config", str(config)], cwd=HERE, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        sys.exit(f"ariadne-codegen failed:\n{done.stdout}\n{done.stderr}")
    return into / str(settings["target_package_name"])


def generate(into: Path) -> Path:
    """Generate the package under `into` and return its folder."""
    settings = tomllib.loads((HERE / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ariadne-codegen"]
    (into / "async").mkdir()
    (into / "sync").mkdir()
    package = _run(settings, into / "async")
    sync = _run({**settings, **SYNC}, into / "sync")
    for name in SYNC_FILES:
        shutil.copyfile(sync / name, package / name)
    for cache in package.glob("__pycache__"):
        shutil.rmtree(cache)
    return package


def differences(fresh: Path, committed: Path) -> list[str]:
    """The files that differ between two generated packages (missing on either side included)."""
    names = {p.name for p in fresh.glob("*.py")} | {p.name for p in committed.glob("*.py")}
    return sorted(
        n
        for n in names
        if not (fresh / n).exists()
        or not (committed / n).exists()
        or not filecmp.cmp(fresh / n, committed / n, shallow=False)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed code is stale")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = generate(Path(tmp))
        if args.check:
            stale = differences(fresh, PACKAGE)
            if stale:
                print(f"stale in {PACKAGE}: {', '.join(stale)}; run: python {Path(__file__).name}")
                return 1
            return 0
        shutil.rmtree(PACKAGE, ignore_errors=True)
        shutil.copytree(fresh, PACKAGE)
    print(f"Wrote {PACKAGE}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
