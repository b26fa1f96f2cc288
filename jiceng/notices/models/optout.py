"""Phones that asked not to be texted again."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OptOutSource(models.TextChoices):
    LINK = "link", _("The resident's link")
    REPLY = "reply", _("Reply to an SMS (TD)")
    STAFF = "staff", _("Asked a member of staff")


class OptOut(models.Model):
    """A phone number that asked not to be texted again (by its blind index, never in clear)."""

    phone_index = models.CharField(max_length=64, unique=True)
    at = models.DateTimeField(_("at"))
    source = models.CharField(_("source"), max_length=8, choices=OptOutSource.choices)

    class Meta:
        verbose_name = _("SMS opt-out")
        verbose_name_plural = _("SMS opt-outs")

    def __str__(self) -> str:
        return f"{self.phone_index[:8]}… {self.at:%Y-%m-%d}"
