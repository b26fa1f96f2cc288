"""The log of every look at a person's data in clear."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.people.models.resident import Resident
from jiceng.people.models.user import User


class AccessLog(models.Model):
    """One look at a person's data in clear: who, when, which field, why. Never edited."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.PROTECT, related_name="+"
    )
    resident = models.ForeignKey(
        Resident, verbose_name=_("resident"), on_delete=models.PROTECT, related_name="access_log"
    )
    field = models.CharField(_("field"), max_length=20)
    reason = models.CharField(_("reason"), max_length=200)
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("at"))

    class Meta:
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data access log")
        ordering = ["-at"]
        indexes = [models.Index(fields=["at"], name="access_log_at")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.field} {self.at:%Y-%m-%d %H:%M}"
