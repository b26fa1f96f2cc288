"""Admin for API keys: create one (its clear text is shown once), revoke, never edit."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from jiceng.api.admin_forms import ApiKeyForm
from jiceng.api.models import ApiKey
from jiceng.api.services.keys import apikey_create, apikey_revoke
from jiceng.core.errors import InvalidInput


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "role", "jurisdiction", "acts_for", "created_at", "revoked_at"]
    list_filter = ["role"]
    readonly_fields = ["prefix", "role", "jurisdiction", "created_at", "revoked_at"]
    actions = ["revoke"]

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        if obj is None:
            # Role and jurisdiction are fixed for a key's life (not editable on the model),
            # so on the add page they are the form's own fields, not model fields.
            kwargs["form"] = ApiKeyForm
            kwargs["fields"] = ["name"]
        return super().get_form(request, obj, change, **kwargs)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:  # stubs: field groups
        if obj is None:
            return ["name", "role", "jurisdiction", "unit"]
        return ["name", "prefix", "role", "jurisdiction", "acts_for", "created_at", "revoked_at"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [] if obj is None else ["name", "acts_for", *self.readonly_fields]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ApiKey]:
        return super().get_queryset(request).select_related("user__unit")

    @admin.display(description=_("unit"))
    def acts_for(self, key: ApiKey) -> str:
        return str(key.user.unit) if key.user.unit is not None else ""

    def save_model(self, request: HttpRequest, obj: ApiKey, form: Any, change: bool) -> None:
        if change:
            return
        try:
            key, raw = apikey_create(
                name=form.cleaned_data["name"],
                role=form.cleaned_data["role"],
                jurisdiction=form.cleaned_data["jurisdiction"],
                unit=form.cleaned_data.get("unit", ""),
            )
        except InvalidInput as error:
            self.message_user(request, error.message, messages.ERROR)
            return
        obj.pk = key.pk
        self.message_user(
            request,
            _("Copy the key now; it will not be shown again: %(key)s") % {"key": raw},
            messages.WARNING,
        )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=_("Revoke the selected keys"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiKey]) -> None:
        for key in queryset.filter(revoked_at__isnull=True):
            apikey_revoke(name=key.name)
