"""Module sizes of the application (issue 15): median and p90 lines per module.

Leaves out tests and migrations. "physical" counts every line of the file; "code" leaves out
blank lines, comments and docstrings.

    python bench/module_sizes.py [--top N]
"""

from __future__ import annotations

import argparse
import ast
import io
import statistics
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "jiceng"
SKIPPED = (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)


def _docstring_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        first = node.body[0] if node.body else None
        if not isinstance(first, ast.Expr) or not isinstance(first.value, ast.Constant):
            continue
        if isinstance(first.value.value, str) and first.end_lineno is not None:
            lines.update(range(first.lineno, first.end_lineno + 1))
    return lines


def code_lines(source: str) -> int:
    docstrings = _docstring_lines(ast.parse(source))
    lines: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type not in SKIPPED and token.type != tokenize.ENDMARKER:
            lines.update(n for n in range(token.start[0], token.end[0] + 1) if n not in docstrings)
    return len(lines)


def modules() -> list[tuple[int, int, str]]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" in path.parts or "tests" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        found.append((len(source.splitlines()), code_lines(source), str(path.relative_to(ROOT))))
    return found


def p90(values: list[int]) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15, help="list the N largest modules")
    args = parser.parse_args()
    found = modules()
    for column, name in ((0, "physical"), (1, "code")):
        values = [row[column] for row in found]
        median = statistics.median(values)
        print(f"{name}: {len(values)} modules, median {median}, p90 {p90(values)}")
    for physical, code, path in sorted(found, reverse=True)[: args.top]:
        print(f"{physical:6} {code:6}  {path}")


if __name__ == "__main__":
    main()
