"""The policy library, and the record of every change to a policy's eligibility rule."""

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
