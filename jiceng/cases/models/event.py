"""A case's append-only, hash-chained history: one row per change."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jiceng.cases.models.case import Case


class EventKind(models.TextChoices):
    # Not the state "submitted" (待派单): the event says the resident handed it in.
    SUBMIT = "submit", pgettext_lazy("case event", "submitted")
    ANSWER = "answer", _("answered on the spot")
    DISPATCH = "dispatch", _("dispatched")
    ACCEPT = "accept", _("accepted")
    RETURN = "return", _("returned as misrouted")
    ESCALATE = "escalate", _("escalated")
    RESOLVE = "resolve", _("resolved")
    RATE = "rate", _("rated")
    REOPEN = "reopen", _("reopened")
    CLOSE = "close", _("closed")
    MERGE = "merge", _("merged")
    NOTE = "note", _("internal note")
    REMIND = "remind", _("reminder sent")
    QUARANTINE = "quarantine", _("quarantined as likely spam")
    RELEASE = "release", _("released from quarantine")
    SPAM = "spam", _("confirmed as spam")
    CLASSIFY = "classify", _("category confirmed")
    FLAG = "flag", _("flagged to the county's leaders")
    ATTACH = "attach", _("photo attached")
    REPLY = "reply", _("replied to the resident")


# Events that start a new clock for a new (or the same) owner; the response rate counts them.
CLOCK_EVENTS = (EventKind.DISPATCH, EventKind.ESCALATE, EventKind.REOPEN)
PUBLIC_EVENTS = (
    EventKind.SUBMIT,
    EventKind.ANSWER,
    EventKind.DISPATCH,
    EventKind.ACCEPT,
    EventKind.ESCALATE,
    EventKind.RESOLVE,
    EventKind.RATE,
    EventKind.REOPEN,
    EventKind.CLOSE,
    EventKind.MERGE,
    EventKind.REPLY,
)


class CaseEvent(models.Model):
    """One change to a case. Append-only; ``hash`` chains it to the previous event."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=EventKind.choices)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    from_state = models.CharField(max_length=12, blank=True)
    to_state = models.CharField(max_length=12)
    unit = models.ForeignKey(
        "people.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    division_code = models.CharField(max_length=12)
    respond_by = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    # sha256 of the case's chained fields as they stood after this event (history.case_digest);
    # empty on events written before the fields were chained.
    case_digest = models.CharField(max_length=64, blank=True, default="")
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["case_id", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["case", "seq"], name="case_event_seq_unique")
        ]
        indexes = [
            models.Index(fields=["kind", "at"], name="case_event_kind_at"),
            # The response-rate subquery looks for a later acceptance of the same case.
            models.Index(fields=["case", "kind", "seq"], name="case_event_case_kind_seq"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}#{self.seq} {self.kind}"
