"""The admin's form for a new API key: its holder, its scopes and its rate."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.api.models import ApiKey
from jiceng.api.services.keys import KEY_ROLES, apikey_unit
from jiceng.core.errors import InvalidInput


class ApiKeyForm(forms.ModelForm):  # type: ignore[type-arg]
    role = forms.ChoiceField(label=_("role"), choices=[(role, role) for role in KEY_ROLES])
    jurisdiction = forms.CharField(label=_("jurisdiction (division code)"), max_length=12)
    unit = forms.SlugField(
        label=_("department (short name)"),
        max_length=40,
        required=False,
        help_text=_("Only for department staff keys, e.g. water."),
    )

    class Meta:
        model = ApiKey
        fields = ["name"]

    def clean(self) -> dict[str, Any]:
        """The service's own checks, shown beside the field they are about."""
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            apikey_unit(
                role=data["role"], jurisdiction=data["jurisdiction"], unit=data.get("unit", "")
            )
        except InvalidInput as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        return data
