"""The outbox: every message to a resident or a cadre, written with the event that causes it.

A row is written in the transaction of its case event (``notices.events``), so a rolled-back
change sends nothing and a crash loses nothing; ``notices.outbox.drain`` sends it later.
In-app messages are rows of a unit's inbox and are "delivered" when they become due.
"""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.notices.models.choices import Channel, Status


class Message(models.Model):
    """One message on one channel to one recipient: a resident, a staff member or a unit.

    ``key`` names what caused it (template, case, event) and is unique, so producing the
    same message twice writes one row; its digest is the client message id handed to
    gateways that take one, so a resend after a crash is recognised there.
    """

    key = models.CharField(_("key"), max_length=120, unique=True)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    template = models.CharField(_("template"), max_length=40)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="messages",
    )
    # The recipient: a resident (SMS to their phone), a staff member (SMS or email digest)
    # or a unit (its workbench inbox). Addresses are read when sending, never copied here.
    resident = models.ForeignKey(
        "people.Resident",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,  # see message_sent_to_resident below
    )
    # Every index costs each submission a write: the unit's is the inbox index below, and
    # nothing looks messages up by their staff recipient or caller.
    user = models.ForeignKey(
        "people.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    unit = models.ForeignKey(
        "people.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    urgent = models.BooleanField(_("urgent"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("created at"))
    not_before = models.DateTimeField(_("not before"))
    # Sent only while the case still stands as it did when the message was planned
    # (a deadline warning is moot once the case was accepted or handed on).
    expect = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    lease = models.CharField(max_length=32, blank=True, default="")
    lease_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    provider_id = models.CharField(_("gateway message id"), max_length=64, blank=True, default="")
    error = models.CharField(_("reason"), max_length=200, blank=True, default="")
    # A resident the SMS could not reach is called by a dispatcher; who did, and when.
    called_at = models.DateTimeField(_("called at"), null=True, blank=True)
    called_by = models.ForeignKey(
        "people.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [
            models.Index(fields=["status", "not_before"], name="message_due"),
            # Partial: most rows are a resident's SMS, and every index entry costs each
            # submission a write (bench/README.md, "notices cost").
            models.Index(
                fields=["unit", "created_at"],
                name="message_inbox",
                condition=models.Q(unit__isnull=False),
            ),
            # The per-phone daily limit counts SMS sent to a resident: indexed once sent, by the
            # drain, so that writing a message inside a submission costs no entry here.
            models.Index(
                fields=["resident", "sent_at"],
                name="message_sent_to_resident",
                condition=models.Q(sent_at__isnull=False),
            ),
            # The call list (notices.inbox.calls): failed SMS to a resident nobody has called
            # yet, oldest first. Partial, so it holds the calls still to make, not every
            # failure ever; the list's query names the same condition, so SQLite uses it too.
            models.Index(
                fields=["created_at"],
                name="message_to_call",
                condition=models.Q(
                    channel=Channel.SMS,
                    status=Status.FAILED,
                    called_at__isnull=True,
                    resident__isnull=False,
                    case__isnull=False,
                ),
            ),
            # A unit's unread count reads its in-app messages delivered in the last days
            # (notices.inbox.unit): by delivery time, not every message the unit ever had.
            models.Index(
                fields=["unit", "delivered_at"],
                name="message_inbox_delivered",
                condition=models.Q(
                    unit__isnull=False, channel=Channel.INAPP, status=Status.DELIVERED
                ),
            ),
            # Only sent messages have a gateway id; record_receipt's query names the same
            # condition, so SQLite uses the index too.
            models.Index(
                fields=["provider_id"],
                name="message_provider_id",
                condition=~models.Q(provider_id=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.template} {self.status}"

    @property
    def client_id(self) -> str:
        """The idempotency key handed to gateways: stable across retries, 32 hex digits."""
        return hashlib.sha256(self.key.encode()).hexdigest()[:32]
