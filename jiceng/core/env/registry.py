"""What the settings read from the environment, recorded as they read it.

Each parser of :mod:`jiceng.core.env` records the variable it reads: its name, kind,
default, allowed values and a one-line description, under the section of ``settings.py``
it is read in. :mod:`jiceng.core.env.docs` writes ``docs/configuration.md`` from the
record, so the documentation lists exactly what the settings read.

Only reads of the process environment are recorded, not those given an ``environ`` of
their own (tests); :func:`reading` swaps in another environment and a fresh record.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Variable:
    name: str
    kind: str
    default: object  # as given to the parser; None when there is none
    help: str
    section: str
    choices: tuple[str, ...] = ()
    file: bool = True  # NAME_FILE accepted instead (every parser reads through env.raw)
    doc_default: str | None = None  # shown instead of a default that depends on the machine


@dataclass
class Section:
    title: str
    doc: str = ""  # a page of docs/ that explains the section


@dataclass
class Registry:
    variables: dict[str, Variable] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=lambda: [Section("General")])


_PROCESS = Registry()
_registry: ContextVar[Registry | None] = ContextVar("jiceng_env_registry", default=None)
_environ: ContextVar[Mapping[str, str] | None] = ContextVar("jiceng_env_environ", default=None)


def current() -> Registry:
    """The record of the variables read so far (the process's, or :func:`reading`'s)."""
    return _registry.get() or _PROCESS


def environment() -> Mapping[str, str]:
    """The environment parsers read when not given one: the process's, or :func:`reading`'s."""
    override = _environ.get()
    return os.environ if override is None else override


def section(title: str, *, doc: str = "") -> None:
    """Variables read from now on belong to the section ``title`` of the documentation."""
    current().sections.append(Section(title, doc))


def record(
    name: str,
    kind: str,
    default: object,
    help: str,
    *,
    choices: tuple[str, ...] = (),
    doc_default: str | None = None,
) -> None:
    registry = current()
    if name not in registry.variables:
        registry.variables[name] = Variable(
            name,
            kind,
            default,
            help,
            registry.sections[-1].title,
            choices=choices,
            doc_default=doc_default,
        )


@contextmanager
def reading(environ: Mapping[str, str]) -> Iterator[Registry]:
    """Parsers read ``environ`` instead of the process environment, into a fresh record."""
    registry = Registry()
    registry_token = _registry.set(registry)
    environ_token = _environ.set(environ)
    try:
        yield registry
    finally:
        _environ.reset(environ_token)
        _registry.reset(registry_token)
