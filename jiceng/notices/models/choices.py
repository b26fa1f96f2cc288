"""The channels and states of a message."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    SMS = "sms", _("SMS")
    EMAIL = "email", _("Email")
    INAPP = "inapp", _("Workbench inbox")


class Status(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENDING = "sending", _("being sent")
    SENT = "sent", _("sent")
    DELIVERED = "delivered", _("delivered")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("not sent")


# A message in one of these states is settled: the drain never touches it again.
SETTLED = (Status.SENT, Status.DELIVERED, Status.FAILED, Status.CANCELLED)
