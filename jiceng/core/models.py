from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Statutory holiday (no work)")
    WORKDAY = "workday", _("Make-up workday (work on a weekend)")


class CalendarDay(models.Model):
    """An exception to the Monday–Friday week: a holiday on a weekday or a workday on a weekend."""

    date = models.DateField(_("date"), primary_key=True)
    kind = models.CharField(_("kind"), max_length=10, choices=DayKind.choices)
    name = models.CharField(_("name"), max_length=50, blank=True)
    provisional = models.BooleanField(
        _("provisional"),
        default=False,
        help_text=_(
            "Set until the State Council's notice for the year is loaded: only the dates the law"
            " fixes, without the notice's make-up workdays."
        ),
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the day comes from, e.g. the notice's title or the imported file."),
    )

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()} {self.name}"


class Throttle(models.Model):
    """A counter per key and time window, shared by every process through the database."""

    key = models.CharField(max_length=200)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="throttle_key_window")
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.window_start:%H:%M} {self.count}"
