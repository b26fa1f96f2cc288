"""The resident's rating of a resolution (回访)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.cases.models.case import Case
from jiceng.cases.models.event import CaseEvent


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied")
    BASICALLY = "basically", _("Basically satisfied")
    UNSATISFIED = "unsatisfied", _("Unsatisfied")


class RatingSource(models.TextChoices):
    LINK = "link", _("By the resident, online")
    CALLBACK = "callback", _("Call-back by a dispatcher")


class Rating(models.Model):
    """The resident's judgement of one resolution. Written once, with its event."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="ratings")
    event = models.OneToOneField(CaseEvent, on_delete=models.PROTECT, related_name="rating")
    unit = models.ForeignKey(
        "people.Unit",
        on_delete=models.PROTECT,
        related_name="ratings",
        help_text=_("Resolving unit"),
    )
    division_code = models.CharField(max_length=12)
    at = models.DateTimeField()
    solved = models.BooleanField(_("solved"))
    satisfaction = models.CharField(_("satisfaction"), max_length=12, choices=Satisfaction.choices)
    comment = models.TextField(_("comment"), blank=True)
    source = models.CharField(_("source"), max_length=10, choices=RatingSource.choices)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        indexes = [models.Index(fields=["at"], name="rating_at")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.satisfaction}"
