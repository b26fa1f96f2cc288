"""Admin: messages are read-only (what was sent, to whom masked); opt-outs are recorded by
phone number, which is kept only as its blind index."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from jiceng.core.admin import ReadOnlyAdmin
from jiceng.notices.models import Message, OptOut
from jiceng.notices.optout_form import OptOutForm


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


@admin.register(OptOut)
class OptOutAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """A resident who asks on the phone not to be texted again."""

    form = OptOutForm
    list_display = ["at", "source"]
    list_filter = ["source"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
