"""Jiceng's categories as GeoReport v2 services, with their time limits in plain words."""

from __future__ import annotations

from typing import Any

from jiceng.api import reference
from jiceng.cases.models import Category, TimeLimit


def notice(limit: TimeLimit) -> str:
    """The resolution time limit in plain words."""
    return reference.notice(limit)


def service(category: Category) -> dict[str, Any]:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": f"{category.name_en}. {notice(category.time_limit)}",
        "metadata": False,
        "type": "realtime",
        "keywords": f"{category.name}, {category.name_en}",
        "group": category.get_group_display(),
    }


def definition(category: Category) -> dict[str, Any]:
    # No category asks extra questions yet; the definition says so explicitly.
    return {"service_code": category.code, "attributes": []}
