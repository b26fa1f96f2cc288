"""The resident portal's forms. They check what a resident can fix before the services run."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.cases.models import Category
from jiceng.cases.services import MAX_DESCRIPTION, PHONE_RE
from jiceng.places.models import Division
from jiceng.web.labels import SATISFACTION_LABELS, category_label

# Service field names → the form field that shows their message.
SERVICE_FIELDS = {
    "division": "village",
    "phone": "phone",
    "name": "name",
    "description": "description",
    "address": "address",
    "category": "category",
    "photo": "photo",
    "satisfaction": "satisfaction",
    "comment": "comment",
}


def normal_phone(value: str) -> str:
    """The phone as the services store it: spaces and brackets removed."""
    return re.sub(r"[\s()]", "", value or "")


class SubmitForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What is it about?"),
        error_messages={"required": _("Choose what the problem is about.")},
    )
    description = forms.CharField(
        label=_("What is the problem?"),
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea,
        error_messages={"required": _("Describe the problem: what happened, where, since when.")},
    )
    township = forms.ChoiceField(
        label=_("Township or street"),
        error_messages={"required": _("Choose your township or street.")},
    )
    village = forms.ChoiceField(label=_("Village or community"), required=False)
    address = forms.CharField(label=_("Address or landmark"), max_length=200, required=False)
    phone = forms.CharField(
        label=_("Your phone"),
        max_length=30,
        error_messages={"required": _("Enter a phone number so the unit can reach you.")},
    )
    name = forms.CharField(label=_("Your name"), max_length=50, required=False)
    photo = forms.FileField(label=_("Photo"), required=False)

    def __init__(
        self,
        *args: Any,
        categories: list[Category],
        townships: list[Division],
        villages: list[Division],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.categories = {category.code: category for category in categories}
        self.fields["category"].choices = [(c.code, category_label(c)) for c in categories]  # type: ignore[attr-defined]
        self.fields["township"].choices = [("", "")] + [(t.code, t.name) for t in townships]  # type: ignore[attr-defined]
        self.fields["village"].choices = [("", "")] + [(v.code, v.name) for v in villages]  # type: ignore[attr-defined]

    def clean_category(self) -> Category:
        return self.categories[self.cleaned_data["category"]]

    def clean_phone(self) -> str:
        phone = normal_phone(self.cleaned_data["phone"])
        if not PHONE_RE.match(phone):
            raise forms.ValidationError(
                _(
                    "Enter an 11-digit mobile number (e.g. 13812345678) "
                    "or a landline with its area code (e.g. 0575-87654321)."
                )
            )
        return phone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("township") and not data.get("village") and "village" not in self.errors:
            # Also the no-JavaScript path: the township's villages are now in the list.
            self.add_error("village", _("Choose your village or community from the list."))
        return data


class FollowForm(forms.Form):
    number = forms.CharField(
        label=_("Case number"),
        max_length=20,
        error_messages={"required": _("Enter the case number you were given.")},
    )
    last4 = forms.RegexField(
        label=_("Last 4 digits of your phone"),
        regex=r"^\d{4}$",
        error_messages={
            "required": _("Enter the last 4 digits of the phone you gave."),
            "invalid": _("Enter exactly 4 digits."),
        },
    )

    def clean_number(self) -> str:
        return re.sub(r"\s", "", self.cleaned_data["number"])


SOLVED_CHOICES = [("yes", _("Yes, it was solved")), ("no", _("No, it was not solved"))]
SATISFACTION_CHOICES = list(SATISFACTION_LABELS.items())


class RateForm(forms.Form):
    solved = forms.ChoiceField(
        label=_("Was it solved?"),
        choices=SOLVED_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us whether the problem was solved.")},
    )
    satisfaction = forms.ChoiceField(
        label=_("How satisfied are you with how it was handled?"),
        choices=SATISFACTION_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose satisfied, basically satisfied or unsatisfied.")},
    )
    comment = forms.CharField(
        label=_("Anything to add? (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea,
    )
