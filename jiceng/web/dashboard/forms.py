"""The dashboard's filter: which month (and, via the area field, where)."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
EARLIEST_YEAR = 2000


def last_complete_month(today: date) -> tuple[int, int]:
    return (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)


class FilterForm(forms.Form):
    month = forms.CharField(
        label=gettext_lazy("Month"),
        required=False,
        widget=forms.DateInput(attrs={"type": "month"}),
    )
    area = forms.CharField(label=gettext_lazy("Area"), required=False, max_length=12)

    def __init__(self, data: QueryDict, *, today: date) -> None:
        data = data.copy()
        if not data.get("month"):
            # Show the month the figures are for, even when none was asked for.
            year, month = last_complete_month(today)
            data["month"] = f"{year}-{month:02d}"
        super().__init__(data)
        self.today = today
        latest = f"{today:%Y-%m}"
        self.fields["month"].widget.attrs.update({"max": latest, "min": f"{EARLIEST_YEAR}-01"})

    def clean_month(self) -> tuple[int, int]:
        raw = (self.cleaned_data.get("month") or "").strip()
        found = MONTH_RE.match(raw)
        year, month = (int(found[1]), int(found[2])) if found else (0, 0)
        if not found or not 1 <= month <= 12 or year < EARLIEST_YEAR:
            raise forms.ValidationError(
                _("Enter a month as year-month, for example %(example)s.")
                % {"example": f"{self.today:%Y-%m}"}
            )
        if (year, month) > (self.today.year, self.today.month):
            raise forms.ValidationError(
                _("Choose %(latest)s or an earlier month: later months have no figures yet.")
                % {"latest": f"{self.today:%Y-%m}"}
            )
        return year, month

    def clean_area(self) -> str | None:
        return (self.cleaned_data.get("area") or "").strip() or None

    def month_or_default(self) -> tuple[int, int]:
        """The month asked for, or the last complete month when none (or a bad one) was."""
        self.is_valid()
        return self.cleaned_data.get("month") or last_complete_month(self.today)
