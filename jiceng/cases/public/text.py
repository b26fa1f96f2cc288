"""Shortening text for the public: a summary cut where a cut reads naturally."""

from __future__ import annotations

SUMMARY_LENGTH = 40
# Where a cut reads naturally: after a clause's punctuation, or at a space between words.
_BREAKS = frozenset("，。；、！？：,.;!?: ")


def shorten(text: str, length: int = SUMMARY_LENGTH) -> str:
    """At most ``length`` characters with "…", cut at a break in the last third if there is one.

    Chinese has no spaces between words, so the break is mostly punctuation; without one the
    cut falls at the limit.
    """
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    limit = max(length - 1, 1)
    breaks = [i for i in range(max(limit - limit // 3, 1), limit + 1) if _is_break(text, i)]
    head = text[: breaks[-1]] if breaks else text[:limit]
    return (head.rstrip("".join(_BREAKS)) or text[:limit]) + "…"


def _is_break(text: str, i: int) -> bool:
    """Cutting before ``text[i]`` leaves no word or number in two pieces."""
    return text[i - 1] in _BREAKS or text[i] == " "
