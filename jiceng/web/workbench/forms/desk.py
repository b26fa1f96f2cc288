"""The dispatcher's desk: a phone request taken in one form."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.cases import selectors
from jiceng.cases.models import Category, Urgency
from jiceng.cases.services import PHONE_RE
from jiceng.people.models import Unit, User
from jiceng.places.models import Level
from jiceng.web.labels import category_label
from jiceng.web.workbench.forms.base import WorkbenchForm, clean_unit, needed

REQUEST = "request"
CONSULTATION = "consultation"


class DeskForm(WorkbenchForm):
    category = forms.ChoiceField(
        label=_("Category"), error_messages=needed(_("Choose the category of the problem."))
    )
    description = forms.CharField(
        label=_("What does the caller need?"),
        error_messages=needed(_("Describe what the caller needs.")),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    township = forms.CharField(label=_("Township"), required=False, max_length=12)
    village = forms.CharField(
        label=_("Village or community"),
        max_length=12,
        error_messages=needed(_("Choose the village or community where it happens.")),
    )
    address = forms.CharField(label=_("Address"), required=False, max_length=200)
    phone = forms.CharField(
        label=_("Caller's phone"),
        error_messages=needed(_("Enter the caller's phone number.")),
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "off"}),
    )
    name = forms.CharField(
        label=_("Caller's name"),
        required=False,
        max_length=50,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"),
        choices=Urgency.choices,
        initial=Urgency.NORMAL,
        widget=forms.RadioSelect,
    )
    mode = forms.ChoiceField(
        label=_("How is it handled?"),
        choices=[
            (REQUEST, _("Request (dispatch)")),
            (CONSULTATION, _("Consultation (answer now)")),
        ],
        initial=REQUEST,
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Answer given on the phone"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("Only for a consultation: it is closed at once with this answer."),
    )
    unit = forms.CharField(label=_("Send to"), required=False)

    def __init__(self, *args: Any, user: User, categories: list[Category], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.categories = {c.code: c for c in categories}
        self.fields["category"].choices = [(c.code, category_label(c)) for c in categories]

    def clean_township(self) -> str:
        code: str = self.cleaned_data["township"]
        if code and selectors.place_in_jurisdiction(self.user, code, Level.TOWNSHIP) is None:
            raise forms.ValidationError(_("Choose a township of your county."))
        return code

    def clean_village(self) -> str:
        code: str = self.cleaned_data["village"]
        if selectors.place_in_jurisdiction(self.user, code, Level.VILLAGE) is None:
            raise forms.ValidationError(_("Choose a village or community of your county."))
        return code

    def clean_unit(self) -> Unit | None:
        return clean_unit(self.user, self.cleaned_data["unit"])

    def clean_phone(self) -> str:
        # The service checks again; checking here shows every problem of the form at once.
        phone = re.sub(r"[\s()]", "", self.cleaned_data["phone"])
        if not PHONE_RE.match(phone):
            raise forms.ValidationError(
                _(
                    "Phone must be an 11-digit mobile number (e.g. 13812345678) "
                    "or a landline with its area code."
                )
            )
        return phone

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("mode") == CONSULTATION and not (data.get("answer") or "").strip():
            self.add_error("answer", _("Write the answer you gave, or choose Request."))
        return data

    def category_object(self) -> Category:
        return self.categories[self.cleaned_data["category"]]
