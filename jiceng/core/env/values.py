"""Parsers of plain values: text, switches, numbers and choices; and the record of each read."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from jiceng.core.env import registry

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def note(
    name: str,
    environ: dict[str, str] | None,
    kind: str,
    default: object,
    help: str,
    *,
    choices: tuple[str, ...] = (),
    doc_default: str | None = None,
) -> None:
    """Record a read of the process environment (the first record of a name wins, so a
    parser built on another records itself before calling it)."""
    if environ is None:
        registry.record(name, kind, default, help, choices=choices, doc_default=doc_default)


def raw(
    name: str,
    environ: dict[str, str] | None = None,
    *,
    help: str = "",
    doc_default: str | None = None,
) -> str | None:
    """The value of ``name``, or of the file ``NAME_FILE`` points at; None when unset."""
    note(name, environ, "text", None, help, doc_default=doc_default)
    env = registry.environment() if environ is None else environ
    file_name = env.get(f"{name}_FILE")
    if file_name:
        path = Path(file_name)
        if not path.is_file():
            raise ImproperlyConfigured(f"{name}_FILE points at {file_name}, which is not a file")
        return path.read_text(encoding="utf-8").strip()
    return env.get(name)


def string(
    name: str,
    default: str | None = None,
    *,
    environ: dict[str, str] | None = None,
    help: str = "",
    doc_default: str | None = None,
) -> str:
    note(name, environ, "text", default, help, doc_default=doc_default)
    value = raw(name, environ)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"{name} is required but not set")
        return default
    return value


def boolean(
    name: str,
    default: bool,
    *,
    environ: dict[str, str] | None = None,
    help: str = "",
) -> bool:
    note(name, environ, "true or false", default, help)
    value = raw(name, environ)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {value!r}"
    )


def integer(
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    environ: dict[str, str] | None = None,
    help: str = "",
) -> int:
    kind = "whole number" if minimum is None else f"whole number ≥ {minimum}"
    note(name, environ, kind, default, help)
    value = raw(name, environ)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {value!r}") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {number}")
    return number


def choice(
    name: str,
    default: str,
    choices: tuple[str, ...],
    *,
    environ: dict[str, str] | None = None,
    help: str = "",
    doc_default: str | None = None,
) -> str:
    note(name, environ, "one of", default, help, choices=choices, doc_default=doc_default)
    value = string(name, default, environ=environ).strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}; got {value!r}")
    return value
