"""Outreach to who qualifies and does not receive, and how each visit ended."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.policies.models.policy import Policy


class Outcome(models.TextChoices):
    OPEN = "open", _("To explain")
    EXPLAINED = "explained", _("Explained")
    APPLIED = "applied", _("Applied")
    RECEIVED = "received", _("Received")
    DECLINED = "declined", _("Declined")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible after all")


CLOSED_OUTCOMES = (Outcome.RECEIVED, Outcome.DECLINED, Outcome.NOT_ELIGIBLE)


class Outreach(models.Model):
    """Someone who qualifies and is not receiving: the village's cadres go and explain.

    A first matching run opens tens of thousands of items at once, so the table
    carries no index that another one already covers: policy is the first
    column of ``outreach_once_per_person``, village of ``outreach_village_outcome``.
    """

    policy = models.ForeignKey(
        Policy,
        verbose_name=_("policy"),
        on_delete=models.CASCADE,
        related_name="outreach",
        db_index=False,
    )
    resident = models.ForeignKey(
        "people.Resident", verbose_name=_("resident"), on_delete=models.CASCADE, related_name="+"
    )
    household = models.ForeignKey(
        "people.Household",
        verbose_name=_("household"),
        on_delete=models.CASCADE,
        related_name="outreach",
    )
    village = models.ForeignKey(
        "places.Division",
        verbose_name=_("village"),
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    reasons = models.JSONField(_("reasons"), default=list)
    outcome = models.CharField(
        _("outcome"), max_length=14, choices=Outcome.choices, default=Outcome.OPEN
    )
    outcome_note = models.CharField(_("note"), max_length=200, blank=True)
    # Only read with the item itself: no index to keep up on every insert.
    outcome_by = models.ForeignKey(
        "people.User",
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    outcome_at = models.DateTimeField(_("recorded at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("outreach item")
        verbose_name_plural = _("outreach items")
        ordering = ["village_id", "policy_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "resident"], name="outreach_once_per_person")
        ]
        indexes = [models.Index(fields=["village", "outcome"], name="outreach_village_outcome")]

    def __str__(self) -> str:
        return f"{self.policy_id}:{self.resident_id} {self.outcome}"
