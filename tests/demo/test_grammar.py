"""The template grammar and the data files it reads (pure Python, no database)."""

from __future__ import annotations

import ast
import random
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

from jiceng.demo import grammar

ROOT = Path(__file__).resolve().parents[2]


def test_a_slot_keeps_its_first_value_within_one_text() -> None:
    filler = grammar.Filler(random.Random(3), [{"group": grammar.ints(1, 1000)}], {})
    text = filler.fill("{group}组和{group}组")
    first, second = text.removesuffix("组").split("组和")
    assert first == second


def test_alternatives_are_templates_expanded_in_turn() -> None:
    layers = [{"who": ("{surname}师傅",), "surname": ("陈",)}]
    assert grammar.Filler(random.Random(1), layers, {}).fill("找{who}") == "找陈师傅"


def test_fixed_values_win_over_the_slot_tables() -> None:
    filler = grammar.Filler(random.Random(1), [{"village": ("别的村",)}], {"village": "陈家村"})
    assert filler.fill("{village}") == "陈家村"


def test_a_slot_no_table_defines_is_an_error_naming_it() -> None:
    with pytest.raises(KeyError, match="weather"):
        grammar.Filler(random.Random(1), [{}], {}).fill("今天{weather}")


def test_the_data_file_slot_forms_are_read() -> None:
    table = grammar.slots(
        {
            "words": ["甲", "乙"],
            "group": {"int": [3, 3]},
            "price": {"money": [50, 50, 10]},
            "count": {"count": [2, 2]},
            "named": {"draw": "seven"},
        },
        {"seven": lambda rng: "七"},
    )
    filler = grammar.Filler(random.Random(1), [table], {})
    assert filler.fill("{group}|{price}|{named}") == "3|50|七"
    assert filler.fill("{count}") in {"2", "两"}
    assert table["words"] == ("甲", "乙")


@pytest.mark.parametrize(
    "spec", [{"int": [1]}, {"int": ["1", "9"]}, {"draw": "nobody"}, {"dice": [1, 6]}, "text", {}]
)
def test_a_slot_the_grammar_cannot_read_is_refused_with_its_name(spec: object) -> None:
    with pytest.raises(ValueError, match="slot 'group'"):
        grammar.slots({"group": spec}, {})


def test_the_self_check_finds_a_slot_used_deep_in_an_alternative() -> None:
    layers = [{"who": ("{title}{surname}",), "surname": ("陈",)}]
    assert grammar.undefined("t", ["找{who}{village}"], layers, {"village"}) == ["t:title"]


def test_every_data_file_is_packaged_with_the_wheel() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["*"]
    files = [path for path in grammar.DATA.rglob("*") if path.is_file()]
    assert files
    assert [p.name for p in files if not any(fnmatch(p.name, pat) for pat in patterns)] == []


def test_only_the_demo_and_the_command_line_import_the_demo_package() -> None:
    package = ROOT / "jiceng"
    importers = []
    for path in package.rglob("*.py"):
        relative = path.relative_to(package)
        if relative.parts[0] in {"demo", "cli"}:  # the demo, and the jiceng command (cli/)
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            ) + ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(name == "jiceng.demo" or name.startswith("jiceng.demo.") for name in names):
                importers.append(str(relative))
    assert importers == []
