"""Months of history detached from the live tables, and where each case's chain goes on.

PostgreSQL only: SQLite keeps every event in one table, so these stay empty there.
Detaching a month (``jiceng partitions detach``, docs/partitions.md) records the month and,
for every case with events in it, its last archived event: the verifier continues the
case's chain from that head instead of reporting the archived events as missing.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.cases.models.case import Case


class ArchivedMonth(models.Model):
    """One local month of events and ratings taken out of the live tables."""

    month = models.DateField(unique=True, help_text=_("First day of the month"))
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    events = models.PositiveIntegerField()
    ratings = models.PositiveIntegerField()
    event_table = models.CharField(max_length=63)
    rating_table = models.CharField(max_length=63)
    detached_at = models.DateTimeField()
    # sha256 of the month's pg_dump, once it is taken (docs/partitions.md).
    dump_sha256 = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("archived month")
        verbose_name_plural = _("archived months")
        ordering = ["month"]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"


class ArchivedHead(models.Model):
    """A case's last archived event: the live chain must go on from its hash."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="+")
    seq = models.PositiveIntegerField()
    at = models.DateTimeField()
    hash = models.CharField(max_length=64)
    case_digest = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("archived history head")
        verbose_name_plural = _("archived history heads")

    def __str__(self) -> str:
        return f"{self.case_id}#{self.seq}"
