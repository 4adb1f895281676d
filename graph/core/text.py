"""Text Neo4j can store: valid Unicode, without the lone UTF-16 surrogates a JSON `\\ud800` escape leaves."""

from __future__ import annotations


def is_text(value: str) -> bool:
    """Whether `value` is valid Unicode text (no lone surrogate), as the Neo4j driver needs it."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(value: str) -> str:
    """`value` with lone surrogates written as \\udXXX escapes, safe in a message or a JSON answer."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")
