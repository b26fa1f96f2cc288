"""The workbook uploaded on the onboarding page: its form, its size limit, applying it."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.onboarding.outcome import Report, WorkbookInvalid
from jiceng.onboarding.services import county_onboard
from jiceng.people.models import User
from jiceng.places.models import Division

MAX_UPLOAD = 5 * 1024 * 1024


class WorkbookForm(forms.Form):
    workbook = forms.FileField(label=gettext_lazy("Onboarding workbook (.xlsx)"))


def apply_upload(county: Division, form: WorkbookForm, user: User) -> Report | None:
    upload = form.cleaned_data["workbook"]
    try:
        if upload.size > MAX_UPLOAD:
            raise InvalidInput(_("The file is larger than 5 MB."), field="workbook")
        return county_onboard(county_code=county.code, file=upload, by=user)
    except WorkbookInvalid as invalid:
        form.add_error("workbook", invalid.message)
        form.problems = invalid.problems  # type: ignore[attr-defined]
    except (InvalidInput, NotAllowed) as error:
        form.add_error("workbook", error.message)
    return None
