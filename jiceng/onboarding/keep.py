"""One keyed write of an onboarding: the row created or brought to the workbook's values."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import Model


def keep(
    model: type[Model], what: str, counts: Counter[str], key: dict[str, Any], values: dict[str, Any]
) -> Model:
    """The row with ``key``, created or brought to ``values``; counted either way."""
    row = model._default_manager.filter(**key).first()
    if row is None:
        counts[f"{what}_created"] += 1
        return model._default_manager.create(**key, **values)
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(update_fields=changed)
        counts[f"{what}_updated"] += 1
    return row
