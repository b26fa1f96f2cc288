"""Policies (政策找人): the library, who receives what, and outreach to who should."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Policy(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    issuing_body = models.CharField(_("issuing body"), max_length=200)
    summary = models.TextField(_("summary in plain words"))
    who_qualifies = models.TextField(_("who qualifies"))
    benefit = models.TextField(_("what they get"))
    how_to_apply = models.TextField(_("how to apply"))
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    # Where the policy applies: a division-code prefix (a county, a township…).
    scope = models.CharField(_("applies in (division code)"), max_length=12)
    rule = models.JSONField(_("eligibility rule"), default=dict)
    # The department that issued the policy: its staff (and administrators) alone
    # may change who qualifies. Without one, only administrators may.
    owner = models.ForeignKey(
        "people.Unit",
        verbose_name=_("issuing department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Only this unit's staff and administrators may change the eligibility rule."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.title


class PolicyRuleChange(models.Model):
    """One change of a policy's eligibility rule: who made it, when, and from what to what."""

    policy = models.ForeignKey(
        Policy, verbose_name=_("policy"), on_delete=models.PROTECT, related_name="rule_changes"
    )
    by = models.ForeignKey(
        "people.User", verbose_name=_("changed by"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("changed at"))
    old_rule = models.JSONField(_("rule before"))
    new_rule = models.JSONField(_("rule after"))

    class Meta:
        verbose_name = _("policy rule change")
        verbose_name_plural = _("policy rule changes")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["policy", "at"], name="rule_change_policy_at")]

    def __str__(self) -> str:
        return f"{self.policy_id} {self.at:%Y-%m-%d %H:%M}"


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
