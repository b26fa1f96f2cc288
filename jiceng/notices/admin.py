"""Admin: messages are read-only (what was sent, to whom masked); opt-outs are recorded by
phone number, which is kept only as its blind index."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from jiceng.core import clock, crypto
from jiceng.core.admin import ReadOnlyAdmin
from jiceng.notices.models import Message, OptOut, OptOutSource
from jiceng.notices.outbox.policy import MOBILE


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "channel", "template", "case", "recipient", "status", "error"]
    list_filter = ["channel", "status", "template"]
    search_fields = ["case__number"]
    list_select_related = ["case", "resident", "unit", "user"]
    exclude = ["params", "lease"]

    @admin.display(description=_("recipient"))
    def recipient(self, message: Message) -> str:
        if message.resident is not None:
            return message.resident.phone_masked
        return str(message.unit or message.user or "")


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


@admin.register(OptOut)
class OptOutAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """A resident who asks on the phone not to be texted again."""

    form = OptOutForm
    list_display = ["at", "source"]
    list_filter = ["source"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
