"""The rule book as a table, for docs/cases.md."""

from __future__ import annotations

from jiceng.cases.rules.book import RULES


def markdown_table() -> str:
    """The rule book as the Markdown table in docs/cases.md (a test keeps the two equal)."""
    rows = [
        "| transition | from states | kinds | who | relation | system | condition | needs |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for rule in RULES.values():
        cells = [
            rule.action,
            ", ".join(sorted(str(s) for s in rule.states)),
            ", ".join(sorted(str(k) for k in rule.kinds)),
            ", ".join(sorted(str(r) for r in rule.roles)) or "—",
            str(rule.relation) if rule.roles else "—",
            "yes" if rule.system else "no",
            rule.condition.__name__.strip("_").replace("_", " ") if rule.condition else "—",
            ", ".join(rule.needs) or "—",
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"
