"""The SMS templates as the Markdown table to register with a gateway."""

from __future__ import annotations

from jiceng.notices.templates.catalogue import TEMPLATES


def markdown_table() -> str:
    """Every template, with the SMS wording as a gateway registers it (docs/notifications.md)."""
    lines = [
        "| Code | Sent by | Parameters | Wording (zh-Hans, as registered) |",
        "|---|---|---|---|",
    ]
    for t in TEMPLATES.values():
        params = ", ".join(f"`{p}`" for p in t.params)
        lines.append(f"| `{t.code}` | {t.sent_by} | {params} | {t.gateway_text()} |")
    return "\n".join(lines) + "\n"
