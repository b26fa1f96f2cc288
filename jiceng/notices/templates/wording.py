"""Wording a message: its parameters in the reader's language, its text, its subject."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from django.conf import settings
from django.utils import formats, timezone, translation

from jiceng.notices.templates.catalogue import TEMPLATES

# A resident's link is stored as what it is for (notices.links: follow, rate).
LINK_PURPOSES = frozenset({"f", "r"})
# Parameters holding an instant (ISO 8601), worded as a local date and time.
TIME_PARAMS = frozenset({"deadline", "oldest"})


def _worded(name: str, value: object) -> str:
    if name in TIME_PARAMS and isinstance(value, str) and value:
        try:
            moment = timezone.localtime(datetime.fromisoformat(value))
        except ValueError:
            return value  # not a time after all: shown as it is rather than not at all
        return formats.date_format(moment, "SHORT_DATETIME_FORMAT")
    return str(value)


LinkMaker = Callable[[str], str]


def worded_params(
    code: str, params: Mapping[str, object], *, link: LinkMaker | None = None
) -> dict[str, str]:
    """The template's parameters as strings, in the active language (what a gateway gets).

    A resident's link is stored as what it is for (``links.FOLLOW``, ``links.RATE``) and made
    by ``link`` when the message is sent; without ``link`` it is left out ("…").
    """
    template = TEMPLATES[code]
    worded = {name: _worded(name, params.get(name, "")) for name in template.params}
    if "link" in worded and worded["link"] in LINK_PURPOSES:
        worded["link"] = link(worded["link"]) if link is not None else "…"
    return worded


def render(
    code: str,
    params: Mapping[str, object],
    *,
    language: str | None = None,
    link: LinkMaker | None = None,
) -> str:
    """The message worded in ``language`` (default: the active one)."""
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        return str(TEMPLATES[code].text) % worded_params(code, params, link=link)


def subject(code: str, params: Mapping[str, object]) -> str:
    template = TEMPLATES[code]
    words = template.subject or template.text
    return (str(words) % worded_params(code, params)).splitlines()[0][:120]
