"""A stored message worded: for the gateway with its link made now, or for the case page."""

from __future__ import annotations

from collections.abc import Callable

from jiceng.notices import links
from jiceng.notices.models import Message
from jiceng.notices.templates.wording import render, worded_params


def wording(row: Message) -> dict[str, str]:
    """The message's parameters worded for sending, its resident link made now."""
    return worded_params(row.template, row.params, link=_link_maker(row))


def text(row: Message, *, language: str | None = None) -> str:
    """The message as its recipient reads it (for the case page: the link left out)."""
    return render(row.template, row.params, language=language)


def _link_maker(row: Message) -> Callable[[str], str] | None:
    case_id, at = row.case_id, row.created_at
    if case_id is None:
        return None
    return lambda purpose: links.for_case(case_id, purpose, at)
