"""How a staff member hears of their unit's inbox beyond the workbench."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.core.fields import EncryptedTextField


class StaffContact(models.Model):
    """How a staff member wants to hear of their unit's inbox beyond the workbench."""

    user = models.OneToOneField(
        "people.User", on_delete=models.CASCADE, related_name="notice_contact"
    )
    mobile = EncryptedTextField(_("mobile"), blank=True, default="")
    by_sms = models.BooleanField(_("digest by SMS"), default=False)
    by_email = models.BooleanField(_("digest by email"), default=False)
    # Inbox messages up to here were already summed up in a digest.
    digested_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("staff contact")
        verbose_name_plural = _("staff contacts")

    def __str__(self) -> str:
        return str(self.user_id)
