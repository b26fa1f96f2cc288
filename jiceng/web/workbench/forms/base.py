"""What every workbench form shares: accessible error links, plain required messages, units."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.cases import selectors
from jiceng.people.models import Unit, User


class WorkbenchForm(forms.Form):
    """Points each invalid input at its message, so screen readers read them together."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                field, auto_id = self.fields[name], self[name].auto_id
                ids = [f"{auto_id}_helptext"] if field.help_text else []
                field.widget.attrs["aria-describedby"] = " ".join([*ids, f"{auto_id}-error"])


def needed(message: str) -> dict[str, str]:
    """Error messages saying what a required field expects, instead of "This field is required"."""
    return {"required": message}


def clean_unit(user: User, value: str) -> Unit | None:
    """An override of the catalogue: a unit of the user's county, or None for the proposal."""
    if not value:
        return None
    unit = selectors.dispatch_targets(user).filter(pk=value).first() if value.isdigit() else None
    if unit is None:
        raise forms.ValidationError(_("Choose a unit from the list."))
    return unit
