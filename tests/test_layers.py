"""The apps stand in layers: a module imports only from its own app and the layers below.

An import that runs back up (the case rules importing the dashboard, core importing the
API) ties a lower layer to a higher one; this test names any such import.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "jiceng"

# What each app may import besides itself. Top-level modules (settings, urls, wsgi, server),
# the jiceng command (cli) and the demo may import anything.
BELOW: dict[str, set[str]] = {
    "textmining": set(),
    "core": {"textmining"},
    "conf": {"core"},  # the settings' modules
    "places": {"core"},
    "people": {"core", "places"},
    "cases": {"core", "places", "people", "textmining"},
    "notices": {"core", "places", "people", "cases"},
    "insights": {"core", "places", "people", "cases", "textmining"},
    "fieldwork": {"core", "places", "people", "cases"},
    "policies": {"core", "places", "people", "fieldwork"},
    "api": {"core", "places", "people", "cases", "insights", "textmining"},
    "onboarding": {"core", "places", "people", "cases"},
    "web": {
        "core", "places", "people", "cases", "notices", "insights", "fieldwork", "policies",
        "onboarding",
    },
    "knowledge": {"core", "places", "people", "cases", "policies", "textmining", "web"},
    "campaigns": {"core", "places", "people", "cases", "insights", "textmining", "web"},
}  # fmt: skip


def _imports(path: Path) -> list[tuple[int, str]]:
    """The jiceng modules ``path`` imports at run time (TYPE_CHECKING blocks left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for statement in block.body
        for node in ast.walk(statement)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("jiceng."):
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("jiceng.")]
    return found


def test_no_import_runs_back_up_the_layers() -> None:
    upward = []
    for app, allowed in BELOW.items():
        for path in sorted((PACKAGE / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for line, module in _imports(path):
                target = module.split(".")[1]
                if target != app and target not in allowed:
                    upward.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}")
    assert upward == []


def test_every_app_has_its_place_in_the_layers() -> None:
    apps = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert apps - {"cli", "demo"} == set(BELOW)
