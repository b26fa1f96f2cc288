"""Cutting a policy document into the articles (条) a proposal cites."""

from __future__ import annotations

import re

# "第十二条", "第3条": an article starts a line (after optional spaces).
ARTICLE = re.compile(r"^[ \t\u3000]*(第[一二三四五六七八九十百零〇两\d]{1,6}条)", re.MULTILINE)
MAX_PASSAGE = 2000


def articles(full_text: str) -> list[tuple[str, str]]:
    """``(label, text)`` per article; a text without articles is cut into paragraphs (第N段).

    The preamble before the first article has the label "" (the document as a whole).
    """
    text = full_text.replace("\r\n", "\n").strip()
    starts = list(ARTICLE.finditer(text))
    if not starts:
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
        return [(f"第{i}段", p[:MAX_PASSAGE]) for i, p in enumerate(paragraphs, start=1)]
    pieces = []
    preamble = text[: starts[0].start()].strip()
    if preamble:
        pieces.append(("", preamble[:MAX_PASSAGE]))
    for match, following in zip(starts, [*starts[1:], None], strict=True):
        end = following.start() if following else len(text)
        pieces.append((match.group(1), text[match.start() : end].strip()[:MAX_PASSAGE]))
    return pieces


def citation(number: str, article: str) -> str:
    """How a passage is cited: the document number, then the article if any."""
    return f"{number} {article}".strip()
