"""Why a phone number is shown: the reason is logged with the look."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.web.workbench.forms.base import WorkbenchForm, needed

REVEAL_REASONS = [("call", _("Call the resident")), ("visit", _("Visit")), ("other", _("Other"))]


class RevealForm(WorkbenchForm):
    reason = forms.ChoiceField(
        label=_("Why do you need the phone number?"),
        choices=REVEAL_REASONS,
        error_messages=needed(_("Choose why you need the phone number.")),
    )
    other = forms.CharField(label=_("Other reason"), required=False, max_length=200)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("reason") == "other" and not (data.get("other") or "").strip():
            self.add_error("other", _("Say why you need the phone number."))
        return data

    def reason_text(self) -> str:
        if self.cleaned_data["reason"] == "other":
            return str(self.cleaned_data["other"]).strip()
        return str(dict(REVEAL_REASONS)[self.cleaned_data["reason"]])
