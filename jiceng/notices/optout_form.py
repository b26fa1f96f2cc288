"""The admin's form that records a phone's opt-out, keeping only its blind index."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.core import clock, crypto
from jiceng.notices.models import OptOut, OptOutSource
from jiceng.notices.outbox.policy import MOBILE


class OptOutForm(forms.ModelForm):  # type: ignore[type-arg]
    phone = forms.CharField(label=_("mobile"), max_length=11)

    class Meta:
        model = OptOut
        fields: list[str] = []

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if not MOBILE.match(phone):
            raise forms.ValidationError(_("Enter an 11-digit mobile number."))
        if OptOut.objects.filter(phone_index=crypto.blind_index(phone)).exists():
            raise forms.ValidationError(_("This number has already opted out."))
        return str(phone)

    def save(self, commit: bool = True) -> OptOut:
        self.instance.phone_index = crypto.blind_index(self.cleaned_data["phone"])
        self.instance.at = clock.now()
        self.instance.source = OptOutSource.STAFF
        return super().save(commit)
