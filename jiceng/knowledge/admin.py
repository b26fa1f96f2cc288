"""Policy documents are entered in the admin; saving goes through the service (reindexing)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from jiceng.core.admin import ReadOnlyAdmin
from jiceng.knowledge.models import Document, PastReply, VettedAnswer
from jiceng.knowledge.services import document_save


class DocumentForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Document
        fields = [
            "title",
            "issuing_body",
            "number",
            "effective_from",
            "expires_on",
            "full_text",
            "summary",
            "scope",
            "policy",
            "published",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("effective_from"), data.get("expires_on")
        if start and end and end < start:
            self.add_error(
                "expires_on", _("The expiry date must not be before the effective date.")
            )
        return data


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = DocumentForm
    list_display = ["number", "title", "issuing_body", "effective_from", "expires_on", "published"]
    list_filter = ["published", "issuing_body"]
    search_fields = ["number", "title"]

    def save_model(self, request: HttpRequest, obj: Document, form: Any, change: bool) -> None:
        document_save(document=obj)


@admin.register(VettedAnswer)
class VettedAnswerAdmin(ReadOnlyAdmin):
    list_display = ["case", "approved_by", "approved_at"]


@admin.register(PastReply)
class PastReplyAdmin(ReadOnlyAdmin):
    """Imported with ``jiceng manage import_replies``; read here, never edited."""

    list_display = ["reference", "title", "scope", "replied_on", "imported_at"]
    list_filter = ["scope"]
    search_fields = ["reference", "title"]
