"""The notes the system writes into a case's history, in the language of the reader.

Such a note is stored in the words of the language active when it was written (the
sweep's, a request's), and the history is hash-chained: what was stored is never
changed. It is shown by recognising which sentence wrote it, in any of our languages,
and saying the same sentence again, with the same values, in the reader's language.
A note that people wrote is shown as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from jiceng.cases.models import CaseEvent, EventKind

NO_COMMENT = gettext_lazy("no comment")
# (the events that carry it, the sentence): every note the code writes in its own words.
SYSTEM_NOTES: tuple[tuple[frozenset[str], Promise], ...] = (
    (frozenset({EventKind.ESCALATE}), gettext_lazy("The resolution deadline passed.")),
    (frozenset({EventKind.REOPEN}), gettext_lazy("The resident was not satisfied.")),
    (
        frozenset({EventKind.REOPEN}),
        gettext_lazy("A resident of merged case %(number)s was not satisfied: %(comment)s"),
    ),
    (frozenset({EventKind.NOTE}), gettext_lazy("Case %(number)s was merged into this one.")),
    (frozenset({EventKind.NOTE}), gettext_lazy("Summoned %(unit)s: %(part)s")),
)
PLACEHOLDER = re.compile(r"%\\\((\w+)\\\)s")


def _pattern(sentence: str) -> re.Pattern[str]:
    """The sentence as a pattern whose named groups catch the values it was given."""
    return re.compile(PLACEHOLDER.sub(r"(?P<\1>.*?)", re.escape(sentence)) + r"\Z", re.S)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[frozenset[str], Promise, re.Pattern[str]]]:
    found = []
    for kinds, sentence in SYSTEM_NOTES:
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                found.append((kinds, sentence, _pattern(str(sentence))))
    return found


def _no_comments() -> set[str]:
    words = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            words.add(str(NO_COMMENT))
    return words


def note_text(event: CaseEvent) -> str:
    """The event's note in the active language when the system wrote it; else as stored."""
    if not event.note:
        return ""
    for kinds, sentence, pattern in _patterns():
        if event.kind not in kinds:
            continue
        match = pattern.match(event.note)
        if match is not None:
            values = match.groupdict()
            if values.get("comment") in _no_comments():
                values["comment"] = str(NO_COMMENT)
            return str(sentence) % values if values else str(sentence)
    return event.note
