"""The quick YAML reader gives what PyYAML's safe loader gives, or leaves the text to PyYAML."""

from __future__ import annotations

import random

import pytest
import yaml

from graph.plans.fast_yaml import NOT_READ, read_quickly

# Scalars YAML 1.1 (PyYAML) and YAML 1.2 (yaml-rs) read differently, and some that both read alike.
SCALARS = [
    "yes", "No", "on", "OFF", "true", "False", "null", "~", "", "010", "0o17", "0x1F", "1_000", "_2", "1e3",
    "1.0e+3", "-.5", ".5", "+1", "-0", "1.", ".inf", "-.Inf", ".nan", "12:30", "2026-01-01",
    "2026-01-01T10:00:00Z", "2026-01-01 10:00:00+00:00", "'2026-01-01'", '"010"', "plain text", "a: b",
    "!!str 1", "&a x", "*a", "[1, 2]", "{a: 1}", "[]", "{}", "|\n  x", ">-\n  x\n  y", "|\n  \n", "a\tb",
    "a\u2028b", "<<", "=", "'it''s'", '"\\x41\\u00e9"', "2026-q1", "obj-0001", "Say yes", "v1.2.3",
]  # fmt: skip


def _same(text: str) -> None:
    quick = read_quickly(text)
    if quick is NOT_READ:
        return
    try:
        expected = yaml.safe_load(text)
    except yaml.YAMLError:
        pytest.fail(f"the quick reader read {text!r}, which PyYAML refuses, as {quick!r}")
    assert repr(quick) == repr(expected), text


@pytest.mark.parametrize("scalar", SCALARS)
def test_a_scalar_reads_as_pyyaml_reads_it(scalar: str) -> None:
    for text in (f"k: {scalar}\n", f"- {scalar}\n", f"a:\n  b: {scalar}\n  c: x\n", f"{scalar}: v\n"):
        _same(text)


def test_yaml_11_scalars_are_left_to_pyyaml() -> None:
    for scalar in ("yes", "010", "1_000", "12:30", "2026-01-01", "1e3", "&a x"):
        assert read_quickly(f"k: {scalar}\n") is NOT_READ, scalar
    assert read_quickly('k: "2026-01-01"\nm: [a, b]\n') is NOT_READ  # a flow list
    plain = {"k": "2026-01-01", "n": 1.5, "id": "obj-0001", "e": []}
    assert read_quickly('k: "2026-01-01"\nn: 1.5\nid: obj-0001\ne: []\n') == plain


def test_random_scalars_read_as_pyyaml_reads_them() -> None:
    pieces = [*"0123456789_.:+-eExXoObBabcdfTZ ~'\"#,[]{}|>!&*?%@`=\\", "yes", "no", "on", "True", "NULL"]
    pieces += ["inf", ".nan", "<<", "\n", "\n  ", "\t", "\u2028", "\\x41"]
    rng = random.Random(11)
    for _ in range(4000):
        scalar = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        for text in (f"k: {scalar}\n", f"- {scalar}\n- x\n", f"k: '{scalar}'\n", f'k: "{scalar}"\n'):
            _same(text)
