"""Who receives what: people recorded as receiving a policy's benefit."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.policies.models.policy import Policy


class Benefit(models.Model):
    """A person recorded as receiving a policy's benefit: matching skips them."""

    policy = models.ForeignKey(
        Policy, verbose_name=_("policy"), on_delete=models.CASCADE, related_name="benefits"
    )
    resident = models.ForeignKey(
        "people.Resident", verbose_name=_("resident"), on_delete=models.CASCADE, related_name="+"
    )
    since = models.DateField(_("since"))

    class Meta:
        verbose_name = _("benefit received")
        verbose_name_plural = _("benefits received")
        constraints = [
            models.UniqueConstraint(fields=["policy", "resident"], name="benefit_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.policy_id}:{self.resident_id}"
