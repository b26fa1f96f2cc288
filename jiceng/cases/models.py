"""Cases (诉求/工单), their append-only history, ratings and the rules that route them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.core.calendar import HOURS, WORKING_DAYS


class TimeLimit(models.Model):
    """A class of time limit: how long the owner has to respond and to resolve."""

    UNIT_CHOICES = [(HOURS, _("hours (calendar time)")), (WORKING_DAYS, _("working days"))]

    code = models.SlugField(_("code"), max_length=20, primary_key=True)
    name = models.CharField(_("name"), max_length=50)
    respond_amount = models.PositiveIntegerField(_("response limit"))
    respond_unit = models.CharField(_("response limit unit"), max_length=12, choices=UNIT_CHOICES)
    resolve_amount = models.PositiveIntegerField(_("resolution limit"))
    resolve_unit = models.CharField(_("resolution limit unit"), max_length=12, choices=UNIT_CHOICES)

    class Meta:
        verbose_name = _("time limit")
        verbose_name_plural = _("time limits")

    def __str__(self) -> str:
        return self.name


class Tier(models.TextChoices):
    VILLAGE = "village", _("Village")
    TOWNSHIP = "township", _("Township")
    COUNTY = "county", _("County")


TIER_ORDER = [Tier.VILLAGE, Tier.TOWNSHIP, Tier.COUNTY]


class CategoryGroup(models.TextChoices):
    DAILY_LIFE = "daily_life", _("Daily life (衣食住行)")
    SERVICES = "services", _("Jobs, schools, social security, health (业教保医)")
    GOVERNANCE = "governance", _("Governance")


class Category(models.Model):
    code = models.SlugField(_("code"), max_length=30, primary_key=True)
    name = models.CharField(_("name"), max_length=30)
    name_en = models.CharField(_("English name"), max_length=50)
    group = models.CharField(_("group"), max_length=12, choices=CategoryGroup.choices)
    icon = models.CharField(_("icon"), max_length=8, blank=True)
    time_limit = models.ForeignKey(
        TimeLimit, verbose_name=_("time limit"), on_delete=models.PROTECT, related_name="+"
    )
    first_tier = models.CharField(
        _("first tier"),
        max_length=10,
        choices=Tier.choices,
        default=Tier.VILLAGE,
        help_text=_("The tier a new request of this category is dispatched to"),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class DispatchRule(models.Model):
    """One line of the dispatch catalogue: in this county, (category, tier) → unit.

    With no unit, the tier's own unit of the case's location owns it: the
    village committee for the village tier, the township for the township tier.
    """

    county = models.ForeignKey(
        "places.Division", verbose_name=_("county"), on_delete=models.PROTECT, db_constraint=False
    )
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.CASCADE)
    tier = models.CharField(_("tier"), max_length=10, choices=Tier.choices)
    unit = models.ForeignKey(
        "people.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dispatch_rules",
    )

    class Meta:
        verbose_name = _("dispatch catalogue entry")
        verbose_name_plural = _("dispatch catalogue")
        constraints = [
            models.UniqueConstraint(
                fields=["county", "category", "tier"], name="dispatch_rule_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.category} / {self.get_tier_display()} → {self.unit or '—'}"


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
        ]

    def __str__(self) -> str:
        return self.number or f"#{self.pk}"


class EventKind(models.TextChoices):
    SUBMIT = "submit", _("submitted")
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


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("Satisfied (满意)")
    BASICALLY = "basically", _("Basically satisfied (基本满意)")
    UNSATISFIED = "unsatisfied", _("Unsatisfied (不满意)")


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


class CaseAttachment(models.Model):
    """A photo sent with a request. Kept under MEDIA_ROOT; never served publicly."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(_("file"), max_length=200)
    uploaded_at = models.DateTimeField(_("uploaded at"))
    size = models.PositiveIntegerField(_("size in bytes"))
    content_type = models.CharField(_("content type"), max_length=40)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["case_id", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.file.name}"


class CaseSearch(models.Model):
    """The full-text index row of one case: its text segmented once, when the case is written.

    ``text`` holds space-separated search tokens (character bigrams and other
    words, see ``cases.search``). The database-specific index is kept beside
    it by the ``case_full_text_search`` migration, not by Django: on SQLite an
    FTS5 table with triggers on this table, on PostgreSQL a generated
    ``vector`` tsvector column with a GIN index. Changing this model's fields
    on SQLite rebuilds the table and drops those triggers: recreate them.
    """

    case = models.OneToOneField(
        Case, primary_key=True, on_delete=models.CASCADE, related_name="search"
    )
    text = models.TextField()

    class Meta:
        verbose_name = _("case search text")
        verbose_name_plural = _("case search texts")

    def __str__(self) -> str:
        return f"{self.case_id}"
