"""What an import reports when it wrote: the divisions created and changed, level by level."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from jiceng.places.models import Level


@dataclass(frozen=True)
class ImportReport:
    level: str | None  # None when a generic file mixes levels
    rows_read: int
    created: int
    updated: int
    unchanged: int
    skipped_out_of_scope: int
    seconds: float

    def summary(self) -> str:
        what = Level(self.level).label if self.level else _("Divisions")
        return _(
            "%(what)s: %(read)d rows read, %(created)d created, %(updated)d updated, "
            "%(unchanged)d unchanged, %(skipped)d outside the scope (%(seconds).1f s)."
        ) % {
            "what": what,
            "read": self.rows_read,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped_out_of_scope,
            "seconds": self.seconds,
        }
