"""What the campaign forms share: their base, the required-field message, the county's units."""

from __future__ import annotations

from typing import Any

from django import forms

from jiceng.people.models import Unit, User
from jiceng.places.codes import code_range


class WorkbenchForm(forms.Form):
    pass


def needed(message: Any) -> dict[str, Any]:
    return {"required": message}


def county_units(user: User) -> Any:
    return Unit.objects.filter(code_range("division_id", user.jurisdiction[:6])).order_by("name")
