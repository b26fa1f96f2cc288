"""The parser of a comma-separated list setting (blank items dropped)."""

from __future__ import annotations

from jiceng.core.env.values import note, raw, string


def csv_list(
    name: str,
    default: str,
    *,
    environ: dict[str, str] | None = None,
    help: str = "",
) -> list[str]:
    note(name, environ, "comma-separated list", default, help)
    value = string(name, default, environ=environ) if default else (raw(name, environ) or "")
    return [item.strip() for item in value.split(",") if item.strip()]
