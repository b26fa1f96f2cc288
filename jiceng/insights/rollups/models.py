"""The stored rollups of the three rates: one cell per unit and month, and how far they go."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# A cell's counts, in the order of ``AreaRates.counts``.
COUNTS = ("dispatched", "responded", "rated", "solved", "satisfied", "basically")


class RateCell(models.Model):
    """One unit's counts for one month, exactly as :func:`rates.counting.count_work` counts
    them: the numerators and denominators of the three rates. A cell with nothing is absent."""

    unit = models.ForeignKey("people.Unit", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    dispatched = models.PositiveIntegerField(_("clocks"))
    responded = models.PositiveIntegerField(_("clocks answered in time"))
    rated = models.PositiveIntegerField(_("ratings"))
    solved = models.PositiveIntegerField(_("rated solved"))
    satisfied = models.PositiveIntegerField(_("satisfied"))
    basically = models.PositiveIntegerField(_("basically satisfied"))

    class Meta:
        verbose_name = _("rate cell")
        verbose_name_plural = _("rate cells")
        constraints = [
            models.UniqueConstraint(fields=["month", "unit"], name="rate_cell_one_per_unit_month")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.month:%Y-%m}"


class ResolutionCell(models.Model):
    """How many cases located at one place were resolved by one unit in one month, as
    :func:`rates.counting.resolutions` finds them: the local-resolution shares' counts."""

    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    division_code = models.CharField(_("place"), max_length=12)
    unit = models.ForeignKey("people.Unit", null=True, on_delete=models.CASCADE, related_name="+")
    resolved = models.PositiveIntegerField(_("resolved"))

    class Meta:
        verbose_name = _("resolution cell")
        verbose_name_plural = _("resolution cells")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "division_code", "unit"], name="resolution_cell_one_per_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.division_code} {self.unit_id} {self.month:%Y-%m}"


class RateMonth(models.Model):
    """A month whose cells are complete: readers take its figures from the cells.

    A month without this row is counted from the events on every read, as before.
    """

    month = models.DateField(_("month"), unique=True)
    counted_at = models.DateTimeField(_("counted at"))

    class Meta:
        verbose_name = _("rolled-up month")
        verbose_name_plural = _("rolled-up months")

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"


class RollupMark(models.Model):
    """The one row saying which events the cells have seen; its row lock serialises writers.

    Empty ids mean the rollups were never built: the worker's next run builds them all.
    """

    last_event_id = models.BigIntegerField(_("last event seen"), null=True)
    last_rating_id = models.BigIntegerField(_("last rating seen"), null=True)
    seen_at = models.DateTimeField(_("events seen up to"), null=True)
    claimed_at = models.DateTimeField(_("last claimed"), null=True)

    class Meta:
        verbose_name = _("rollup watermark")
        verbose_name_plural = _("rollup watermarks")

    def __str__(self) -> str:
        return f"events ≤ {self.last_event_id}, ratings ≤ {self.last_rating_id}"


class ReceivedCell(models.Model):
    """How many cases located at one place were received in one month, and how many of them
    were consultations, as :func:`rollups.received.received_cases` counts them."""

    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    division_code = models.CharField(_("place"), max_length=12)
    received = models.PositiveIntegerField(_("received"))
    consultations = models.PositiveIntegerField(_("consultations"))

    class Meta:
        verbose_name = _("received cell")
        verbose_name_plural = _("received cells")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "division_code"], name="received_cell_one_per_place"
            )
        ]

    def __str__(self) -> str:
        return f"{self.division_code} {self.month:%Y-%m}"
