"""The case (诉求/工单) itself, its kinds, states, urgencies and channels."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.cases.models.catalogue import Category


class Kind(models.TextChoices):
    REQUEST = "request", _("Request")
    CONSULTATION = "consultation", _("Consultation")


class State(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    DISPATCHED = "dispatched", _("dispatched")
    ACCEPTED = "accepted", _("accepted")
    RESOLVED = "resolved", _("resolved")
    CLOSED = "closed", _("closed")
    MERGED = "merged", _("merged")
    # Spam held for a dispatcher's review: no clock runs, nobody is asked to act on it.
    QUARANTINED = "quarantined", _("quarantined")


OPEN_STATES = (State.SUBMITTED, State.DISPATCHED, State.ACCEPTED)


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normal")
    EMERGENCY = "emergency", _("Emergency")


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    PHONE = "phone", _("Phone (hotline)")
    IN_PERSON = "in_person", _("In person")
    API = "api", _("API")
    OPEN311 = "open311", _("Open311")


class Case(models.Model):
    """One request. Only the services in ``cases.services`` change it."""

    # NULL only inside the creating transaction, before the row id (part of the number) exists.
    number = models.CharField(_("number"), max_length=20, unique=True, null=True)  # noqa: DJ001
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.REQUEST)
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT)
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    title = models.CharField(_("title"), max_length=100)
    description = models.TextField(_("description"))
    division = models.ForeignKey(
        "places.Division",
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    resident = models.ForeignKey(
        "people.Resident",
        verbose_name=_("resident"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    owner = models.ForeignKey(
        "people.Unit", verbose_name=_("owner"), on_delete=models.PROTECT, related_name="cases"
    )
    respond_by = models.DateTimeField(_("respond by"), null=True, blank=True)
    resolve_by = models.DateTimeField(_("resolve by"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"))
    owner_since = models.DateTimeField(_("owner since"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )
    reopen_count = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)
    head_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["owner", "state", "resolve_by"], name="case_queue"),
            models.Index(fields=["division", "state"], name="case_division_state"),
            models.Index(fields=["state", "resolve_by"], name="case_state_due"),
            models.Index(fields=["submitted_at"], name="case_submitted_at"),
            # A unit's cases outside a place: what a search adds to the place's matches.
            models.Index(fields=["owner", "division"], name="case_owner_division"),
            # Open cases by place: the area queue and the dashboard's backlog read the open
            # cases of an area through it, however many closed ones lie beside them
            # (bench/city/README.md, "bounded backlog"). On PostgreSQL it also holds what
            # the area queue's count and the backlog's tallies read, so they count from the
            # index alone, not a heap block per open case (bench/city/README.md, Session 12).
            models.Index(
                fields=["division", "state"],
                include=["owner", "category", "kind", "submitted_at", "id"],
                condition=models.Q(state__in=OPEN_STATES),
                name="case_open_in_place",
            ),
            # Open cases by deadline: the first page of an area queue (open cases, nearest
            # deadline first) is read in this order, stopping at fifty, instead of sorting
            # every open case of a county.
            models.Index(
                fields=["resolve_by", "respond_by", "id"],
                condition=models.Q(state__in=OPEN_STATES),
                name="case_open_due",
            ),
            # Open cases oldest first: the dashboard's longest-open requests.
            models.Index(
                fields=["submitted_at", "id"],
                condition=models.Q(state__in=OPEN_STATES),
                name="case_open_age",
            ),
            # Resolved cases by place: the dispatcher's own queue lists those of the county
            # awaiting the call-back. Without it the database crossed the city's resolved
            # cases with every case of the county (bench/city/README.md, Session 10).
            models.Index(
                fields=["division"],
                condition=models.Q(state=State.RESOLVED),
                name="case_resolved_place",
            ),
        ]

    def __str__(self) -> str:
        return self.number or f"#{self.pk}"
