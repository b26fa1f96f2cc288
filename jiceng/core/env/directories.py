"""The parser of a directory setting: an absolute path that is not a file."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from jiceng.core.env.values import note, raw


def directory(
    name: str,
    default: Path,
    *,
    environ: dict[str, str] | None = None,
    help: str = "",
) -> Path:
    """An absolute directory path; it need not exist yet, but must not be a file."""
    note(name, environ, "absolute directory", default, help)
    value = raw(name, environ)
    if value is None or value.strip() == "":
        return default
    path = Path(value.strip())
    if not path.is_absolute():
        raise ImproperlyConfigured(f"{name} must be an absolute directory path; got {value!r}")
    if path.exists() and not path.is_dir():
        raise ImproperlyConfigured(f"{name} must be a directory, but {value} is a file")
    return path
