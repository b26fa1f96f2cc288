"""The rule builder's forms: how conditions combine, and one condition per row."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy

from jiceng.policies.rules import FIELDS, NUMBER_OPS

OPS = [(op, op) for op in NUMBER_OPS] + [("is", gettext_lazy("is")), ("in", gettext_lazy("in"))]


class GroupForm(forms.Form):
    combine = forms.ChoiceField(
        label=gettext_lazy("People must meet"),
        choices=[("all", gettext_lazy("all of these")), ("any", gettext_lazy("any of these"))],
    )


class InnerGroupForm(GroupForm):
    combine = forms.ChoiceField(
        label=gettext_lazy("In brackets, people must meet"),
        choices=[("any", gettext_lazy("any of these")), ("all", gettext_lazy("all of these"))],
    )


class ConditionForm(forms.Form):
    field = forms.ChoiceField(
        label=gettext_lazy("Attribute"),
        choices=[("", "—")] + [(name, spec[0]) for name, spec in FIELDS.items()],
        required=False,
    )
    op = forms.ChoiceField(label=gettext_lazy("Comparison"), choices=OPS, required=False)
    value = forms.CharField(
        label=gettext_lazy("Value"),
        max_length=12,
        required=False,
        help_text=gettext_lazy("A number for age, yes/no for a mark, a division code for 'in'."),
    )

    def condition(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        if not data.get("field"):
            return None
        kind = FIELDS[data["field"]][1]
        raw = data.get("value", "").strip()
        value: Any = raw
        if kind == "number":
            value = int(raw) if raw.isdigit() else raw
        elif kind == "flag":
            value = raw.lower() in {"yes", "y", "true", "1", "是"}
        return {"field": data["field"], "op": data.get("op"), "value": value}


ConditionFormSet = formset_factory(ConditionForm, extra=0, min_num=4, max_num=4)
GroupConditionFormSet = formset_factory(ConditionForm, extra=0, min_num=3, max_num=3)
# One level of groups inside the rule, e.g. age >= 80 and (低保 or disability).
GROUPS = 2
