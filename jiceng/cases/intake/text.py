"""The text of a case that the classifier, the spam check and the duplicate index read."""

from __future__ import annotations


def case_text(title: str, description: str) -> str:
    """The text the classifier, the spam check and the duplicate index read."""
    title, description = title.strip(), description.strip()
    if title and not description.startswith(title):
        return f"{title}\n{description}"
    return description
