"""Importing the village roster from Excel, with an error file for the rows it refused."""

from __future__ import annotations

import base64

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from jiceng.core.errors import InvalidInput
from jiceng.fieldwork.excel import households_import
from jiceng.fieldwork.scope import field_village
from jiceng.people.models import User
from jiceng.policies.automatic import roster_imported

ERRORS_KEY = "field_import_errors"
MAX_UPLOAD = 5 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Roster file (.xlsx)"))
    valid_rows_only = forms.BooleanField(
        label=gettext_lazy("If some rows have errors, import the valid rows anyway"),
        required=False,
    )


def roster_user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
@require_http_methods(["GET", "POST"])
def roster(request: HttpRequest) -> HttpResponse:
    user = roster_user(request)
    field_village(user)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_UPLOAD:
                raise InvalidInput(_("The file is larger than 5 MB."), field="file")
            report = households_import(
                file=upload, by=user, valid_rows_only=form.cleaned_data["valid_rows_only"]
            )
        except InvalidInput as error:
            form.add_error("file", error.message)
        else:
            request.session[ERRORS_KEY] = (
                base64.b64encode(report.error_file()).decode() if report.errors else ""
            )
            if report.written:
                roster_imported(field_village(user))  # new people may qualify for policies
    status = 400 if form.errors else 200
    return render(request, "web/field/roster.html", {"form": form, "report": report}, status=status)
