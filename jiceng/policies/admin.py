"""The policy library in the admin; the rule is checked before it is saved."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from jiceng.core.admin import ReadOnlyAdmin
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import User
from jiceng.policies.models import Benefit, Outreach, Policy, PolicyRuleChange
from jiceng.policies.rules.validation import validate_rule
from jiceng.policies.services import policy_rule_set


class PolicyForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Policy
        fields = [
            "code",
            "title",
            "issuing_body",
            "summary",
            "who_qualifies",
            "benefit",
            "how_to_apply",
            "valid_from",
            "valid_to",
            "scope",
            "owner",
            "rule",
        ]

    def clean_rule(self) -> Any:
        rule = self.cleaned_data["rule"]
        try:
            validate_rule(rule)
        except InvalidInput as error:
            raise forms.ValidationError(error.message) from None
        return rule


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = PolicyForm
    list_display = ["code", "title", "owner", "scope", "valid_from", "valid_to", "builder"]
    search_fields = ["code", "title"]

    def save_model(self, request: HttpRequest, obj: Policy, form: Any, change: bool) -> None:
        """A changed rule goes through the service, so it is checked and logged like any other."""
        if not change or "rule" not in form.changed_data:
            super().save_model(request, obj, form, change)
            return
        assert isinstance(request.user, User)
        new_rule = obj.rule
        obj.rule = form.initial["rule"]
        super().save_model(request, obj, form, change)
        try:
            policy_rule_set(policy=obj, rule=new_rule, by=request.user)
        except NotAllowed as refused:
            raise PermissionDenied(refused.message) from None

    @admin.display(description=_("rule"))
    def builder(self, policy: Policy) -> str:
        url = reverse("field:rule", args=[policy.code])
        return format_html('<a href="{}">{}</a>', url, _("Build and preview"))


@admin.register(PolicyRuleChange)
class PolicyRuleChangeAdmin(ReadOnlyAdmin):
    list_display = ["policy", "at", "by", "old_rule", "new_rule"]
    list_filter = ["policy"]
    date_hierarchy = "at"


@admin.register(Outreach)
class OutreachAdmin(ReadOnlyAdmin):
    list_display = ["policy", "village", "outcome", "outcome_at"]
    list_filter = ["outcome", "policy"]


@admin.register(Benefit)
class BenefitAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["policy", "resident", "since"]
    raw_id_fields = ["resident"]
