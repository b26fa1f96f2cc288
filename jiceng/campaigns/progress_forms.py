"""Forms of a running campaign: linking cases to it by number, and closing it with a report."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.campaigns.form_parts import WorkbenchForm, needed


class LinkForm(WorkbenchForm):
    numbers = forms.CharField(
        label=_("Case numbers (one per line)"), widget=forms.Textarea(attrs={"rows": 2})
    )


class CloseForm(WorkbenchForm):
    report = forms.CharField(
        label=_("Close-out report"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages=needed(_("Write the close-out report.")),
    )


def numbers_of(text: str) -> list[str]:
    return [part for part in text.replace(",", " ").split() if part.isdigit()][:500]
