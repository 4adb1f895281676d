"""`make install` is quiet: both pyproject files use what current setuptools expects, so it has nothing to warn about."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("path", ["pyproject.toml", "clients/python/pyproject.toml"])
def test_the_license_is_an_spdx_string_and_the_layout_is_flat(path: str) -> None:
    config = tomllib.loads((ROOT / path).read_text())
    # A TOML table (`license = {text = ...}`) makes setuptools >= 77 print ~10 lines of deprecation per build.
    assert config["project"]["license"] == "Apache-2.0"
    assert config["build-system"]["requires"] == ["setuptools>=77"]
    # Without package-dir, an editable install uses a meta path finder and warns about it on every install.
    assert config["tool"]["setuptools"]["package-dir"] == {"": "."}
