"""The one short visit form, and the small forms beside it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.cases.models import Category
from jiceng.fieldwork.models import PlaceKind
from jiceng.people.models import Household
from jiceng.people.services import REVEALABLE
from jiceng.policies.models import Outcome
from jiceng.web.labels import CategoryChoiceField


class VisitForm(forms.Form):
    place_kind = forms.ChoiceField(
        label=_("Where"), choices=PlaceKind.choices, widget=forms.RadioSelect
    )
    household = forms.ModelChoiceField(
        label=_("Household"), queryset=Household.objects.none(), required=False
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("For a lane, workshop, field or community: its name."),
    )
    finding = forms.CharField(
        label=_("What you found"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    follow_up_on = forms.DateField(
        label=_("Follow up on (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    case_category = CategoryChoiceField(
        label=_("Needs action? Open a case in"),
        queryset=Category.objects.filter(active=True),
        required=False,
        empty_label=_("No case needed"),
    )
    contact_phone = forms.CharField(
        label=_("Contact phone (only if the household has none)"),
        max_length=20,
        required=False,
    )

    def __init__(self, *args: Any, households: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["household"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = households


class RevealForm(forms.Form):
    resident = forms.IntegerField(widget=forms.HiddenInput)
    field = forms.ChoiceField(
        choices=[(name, name) for name in REVEALABLE], widget=forms.HiddenInput
    )
    reason = forms.CharField(label=_("Why do you need to see it?"), max_length=200)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What happened"), choices=[c for c in Outcome.choices if c[0] != Outcome.OPEN]
    )
    note = forms.CharField(label=_("Note (optional)"), max_length=200, required=False)
