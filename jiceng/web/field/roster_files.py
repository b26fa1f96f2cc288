"""The roster's downloads: the masked export, the blank template and the last import's errors."""

from __future__ import annotations

import base64

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from jiceng.core.exports.download import attachment
from jiceng.fieldwork.excel import households_export, template_bytes
from jiceng.fieldwork.scope import field_village
from jiceng.web.field.roster import ERRORS_KEY, roster_user


@login_required
def roster_export(request: HttpRequest) -> HttpResponse:
    return attachment(households_export(by=roster_user(request)), "roster.xlsx")


@login_required
def roster_template(request: HttpRequest) -> HttpResponse:
    field_village(roster_user(request))
    return attachment(template_bytes(), "roster-template.xlsx")


@login_required
def roster_errors(request: HttpRequest) -> HttpResponse:
    field_village(roster_user(request))
    saved = request.session.get(ERRORS_KEY, "")
    if not saved:
        raise Http404(_("No error list to download."))
    return attachment(base64.b64decode(saved), "roster-errors.xlsx")
