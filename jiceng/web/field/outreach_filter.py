"""The outreach list's filter: which policy, still to do or closed, new matches only."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.policies.outreach_list import Filter


class FilterForm(forms.Form):
    policy = forms.ChoiceField(label=_("Policy"), required=False)
    state = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("open", _("Still to do")), ("closed", _("Closed")), ("all", _("All"))],
    )
    new = forms.BooleanField(label=_("New matches only"), required=False)

    def __init__(self, data: object, *, policies: list[tuple[str, str]]) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        self.fields["policy"].choices = [("", _("All policies")), *policies]  # type: ignore[attr-defined]

    def chosen(self) -> Filter:
        if not self.is_valid():
            return Filter()
        data = self.cleaned_data
        return Filter(policy=data["policy"], state=data["state"] or "open", new_only=data["new"])
