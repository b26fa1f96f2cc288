"""The form that opens a campaign; the services check everything again."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.campaigns.form_parts import WorkbenchForm, county_units, needed
from jiceng.campaigns.models import CampaignKind
from jiceng.people.models import Unit, User


class CampaignForm(WorkbenchForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=CampaignKind.choices)
    title = forms.CharField(
        label=_("Title"), max_length=100, error_messages=needed(_("Give the campaign a title."))
    )
    lead_unit = forms.ModelChoiceField(label=_("Lead unit"), queryset=Unit.objects.none())
    co_units = forms.ModelMultipleChoiceField(
        label=_("Co-units"), queryset=Unit.objects.none(), required=False
    )
    target_date = forms.DateField(
        label=_("Target date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    keywords = forms.CharField(
        label=_("Keywords new cases are matched on"), max_length=200, required=False
    )
    numbers = forms.CharField(
        label=_("Case numbers to link (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    public = forms.BooleanField(label=_("Show progress on the portal"), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = county_units(user)
        self.fields["lead_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["co_units"].queryset = units  # type: ignore[attr-defined]
