"""The policy library in the admin; the rule is checked before it is saved."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from jiceng.cases.admin import ReadOnlyAdmin
from jiceng.core.errors import InvalidInput
from jiceng.policies.models import Benefit, Outreach, Policy
from jiceng.policies.rules import validate_rule


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
    list_display = ["code", "title", "issuing_body", "scope", "valid_from", "valid_to", "builder"]
    search_fields = ["code", "title"]

    @admin.display(description=_("rule"))
    def builder(self, policy: Policy) -> str:
        url = reverse("field:rule", args=[policy.code])
        return format_html('<a href="{}">{}</a>', url, _("Build and preview"))


@admin.register(Outreach)
class OutreachAdmin(ReadOnlyAdmin):
    list_display = ["policy", "village", "outcome", "outcome_at"]
    list_filter = ["outcome", "policy"]


@admin.register(Benefit)
class BenefitAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["policy", "resident", "since"]
    raw_id_fields = ["resident"]
