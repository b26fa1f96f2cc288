"""Every fast path names the benchmark that justifies it and the test that guards it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "jiceng" / "core" / "fast"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py")
MILLISECONDS = re.compile(r"\d\s*(ms|µs|milliseconds?|microseconds?)\b")


def _docstring(path: Path) -> str:
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""


def _paths(text: str, prefix: str) -> list[Path]:
    return [ROOT / found.rstrip(".,") for found in re.findall(rf"{prefix}/[\w/.-]+", text)]


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_fast_path_links_an_existing_benchmark_and_tripwire_test(module: Path) -> None:
    text = _docstring(module)
    benches, tests = _paths(text, "bench"), _paths(text, "tests")
    assert benches and all(path.is_file() for path in benches), (module, benches)
    assert tests and all(path.is_file() for path in tests), (module, tests)


def test_no_fast_path_quotes_timings_in_its_code() -> None:
    quoted = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in MODULES
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if MILLISECONDS.search(line)
    ]
    assert quoted == []


def test_the_package_names_its_owner() -> None:
    assert "Owner:" in _docstring(PACKAGE / "__init__.py")
