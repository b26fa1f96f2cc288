"""The form of a member of staff's own notice settings: mobile, email and digests."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from jiceng.core.errors import InvalidInput
from jiceng.web.workbench.forms.base import WorkbenchForm


class NoticeSettingsForm(WorkbenchForm):
    mobile = forms.CharField(
        label=gettext_lazy("Mobile number"),
        required=False,
        max_length=20,
        help_text=gettext_lazy("11 digits, e.g. 13812345678. Used only to text you."),
    )
    email = forms.CharField(label=gettext_lazy("Email address"), required=False, max_length=254)
    by_sms = forms.BooleanField(label=gettext_lazy("Digest by SMS"), required=False)
    by_email = forms.BooleanField(label=gettext_lazy("Digest by email"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["mobile"].widget.attrs.update(
            {"inputmode": "tel", "autocomplete": "tel-national"}
        )
        self.fields["email"].widget.attrs.update({"inputmode": "email", "autocomplete": "email"})

    def refuse(self, error: InvalidInput) -> None:
        """The service's error beside the field it names, announced with that field."""
        name = error.field if error.field in self.fields else None
        self.add_error(name, error.message)
        if name is not None:
            self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"
