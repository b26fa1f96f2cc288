"""The 重办 mark of a reopened case: short on screen, a whole phrase for screen readers."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class ReopenMark:
    """The 重办 mark: short on screen, a whole phrase for screen readers ("×2" reads badly)."""

    short: str
    spoken: str


def reopen_mark(count: int) -> ReopenMark | None:
    if count <= 0:
        return None
    short = _("Reopened") if count == 1 else _("Reopened ×%(n)d") % {"n": count}
    spoken = ngettext("Reopened %(n)d time", "Reopened %(n)d times", count) % {"n": count}
    return ReopenMark(short=short, spoken=spoken)
