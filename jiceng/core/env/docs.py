"""``docs/configuration.md``, written from what the settings read (``jiceng config docs``).

The settings module is run twice, as production on PostgreSQL and as development on
SQLite, each with an environment of its own holding placeholder keys; every variable a
parser read is listed under its section, with production's default and, where it
differs, development's. A test fails when the file and the settings disagree.
"""

from __future__ import annotations

import argparse
import base64
import runpy
import sys
from pathlib import Path
from types import ModuleType

from jiceng.core.env import registry
from jiceng.core.env.registry import Registry, Variable

ROOT = Path(__file__).resolve().parents[3]
SETTINGS = ROOT / "jiceng" / "settings.py"
CONF = "jiceng.conf"  # the package of modules settings.py imports
OUTPUT = ROOT / "docs" / "configuration.md"
COMMAND = "jiceng config docs"

_HOME = "/$JICENG_HOME"  # a placeholder, so defaults under JICENG_HOME read as such
_PLACEHOLDERS = {
    "JICENG_HOME": _HOME,
    "JICENG_SECRET_KEY": "placeholder",
    "JICENG_DATA_KEY": base64.urlsafe_b64encode(bytes(32)).decode(),
}
PROFILES: dict[str, dict[str, str]] = {
    "production": {
        "JICENG_ENV": "production",
        "DATABASE_URL": "postgres://jiceng@db.internal/jiceng",
        "JICENG_ALLOWED_HOSTS": "jiceng.example.org",
    },
    "development": {"JICENG_ENV": "development"},
}

_HEADER = f"""\
# Configuration

<!-- Written by `{COMMAND}` from the parsers' help texts in jiceng/conf/:
     edit those, then run it again. A test fails while this file disagrees. -->

Jiceng reads its settings from environment variables, through strict parsers
(`jiceng/core/env`): a bad value stops the start with a message naming the variable.
{{file_note}}

Defaults are those of production, the default `JICENG_ENV`; where development's differ,
they follow in brackets. Deployment steps are in [operations.md](operations.md)."""


def read(profile: str) -> Registry:
    """What the settings read when run as ``profile``."""
    with registry.reading({**_PLACEHOLDERS, **PROFILES[profile]}) as record:
        run_settings()
    return record


def run_settings(run_name: str = "jiceng.settings_for_docs") -> dict[str, object]:
    """Run ``settings.py`` afresh, the modules of ``jiceng.conf`` it imports included.

    Those modules read the environment when imported, so they are imported anew for this
    run and the process's own copies put back afterwards.
    """
    kept = _take_modules(CONF)
    try:
        return runpy.run_path(str(SETTINGS), run_name=run_name)
    finally:
        _take_modules(CONF)
        sys.modules.update(kept)
        if CONF in kept:
            setattr(sys.modules["jiceng"], "conf", kept[CONF])  # noqa: B010


def _take_modules(package: str) -> dict[str, ModuleType]:
    names = [name for name in sys.modules if name == package or name.startswith(package + ".")]
    return {name: sys.modules.pop(name) for name in names}


def markdown() -> str:
    production, development = read("production"), read("development")
    variables = dict(production.variables)
    for name, variable in development.variables.items():
        variables.setdefault(name, variable)
    docs = {s.title: s.doc for s in [*production.sections, *development.sections]}
    lines = [_HEADER.format(file_note=_file_note(list(variables.values())))]
    for title, doc in docs.items():
        rows = [v for v in variables.values() if v.section == title]
        if not rows:
            continue
        lines += ["", f"## {title}", ""]
        if doc:
            lines += [f"See [{doc}]({doc}).", ""]
        lines += ["| variable | value | default | what it does |", "|---|---|---|---|"]
        lines += [_row(v, development.variables.get(v.name)) for v in rows]
    return "\n".join(lines) + "\n"


def _file_note(variables: list[Variable]) -> str:
    without = ", ".join(f"`{v.name}`" for v in variables if not v.file)
    return (
        f"Any variable{f' except {without}' if without else ''} can instead be given as "
        "`NAME_FILE`,\nthe path of a file holding the value; keys should be."
    )


def _row(variable: Variable, in_development: Variable | None) -> str:
    default = _default(variable)
    if in_development is not None and _default(in_development) != default:
        default += f" (development: {_default(in_development)})"
    kind = variable.kind
    if variable.choices:
        kind += " " + ", ".join(f"`{c}`" for c in variable.choices)
    cells = [f"`{variable.name}`", kind, default, variable.help]
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _default(variable: Variable) -> str:
    if variable.doc_default is not None:
        return variable.doc_default
    value = variable.default
    if value is None or value == "":
        return "none"
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    return f"`{str(value).replace(_HOME, '$JICENG_HOME')}`"


def add_arguments(command: argparse.ArgumentParser) -> None:
    actions = command.add_subparsers(dest="action", required=True)
    docs = actions.add_parser("docs", help=f"write {OUTPUT.relative_to(ROOT)} from the settings")
    docs.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    docs.add_argument("--output", type=Path, default=OUTPUT, metavar="FILE")


def run(args: argparse.Namespace) -> int:
    text = markdown()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run `{COMMAND}`", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0
