"""The causes offered for a category, and a stored cause's label in the active language."""

from __future__ import annotations

from jiceng.cases.rootcauses.catalogue import BY_CATEGORY, COMMON


def choices(category: str) -> list[tuple[str, str]]:
    """(code, label) of the causes offered for a category: its own, then the common ones."""
    offered = {**BY_CATEGORY.get(category, {}), **COMMON}
    return [(code, str(label)) for code, label in offered.items()]


def label(code: str) -> str:
    for causes in (COMMON, *BY_CATEGORY.values()):
        if code in causes:
            return str(causes[code])
    return code
