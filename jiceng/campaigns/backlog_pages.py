"""旧账 import pages: the empty template, and importing a filled one into a campaign."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from jiceng.campaigns import backlog, services
from jiceng.core.errors import JicengError, NotAllowed
from jiceng.core.exports.download import attachment
from jiceng.web.workbench.access import acting_user, staff_required

MAX_UPLOAD = 10 * 1024 * 1024


@staff_required
@require_GET
def template(request: HttpRequest) -> HttpResponse:
    return attachment(backlog.template(), "backlog.xlsx")


@staff_required
@require_POST
def import_file(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    try:
        campaign = services.campaign_for_user(user, pk, write=True)
    except NotAllowed:
        raise Http404(_("No such campaign in your area.")) from None
    upload = request.FILES.get("file")
    if upload is None or upload.size is None or upload.size > MAX_UPLOAD:
        messages.error(request, _("Choose an Excel file (.xlsx) of at most 10 MB."))
        return redirect("campaigns:detail", pk=campaign.pk)
    try:
        cases, errors = backlog.import_backlog(file=upload, by=user, campaign=campaign)
    except (JicengError, ValueError, KeyError, OSError) as problem:
        messages.error(
            request, getattr(problem, "message", _("This is not a readable .xlsx file."))
        )
        return redirect("campaigns:detail", pk=campaign.pk)
    for row_error in errors[:20]:
        messages.error(request, str(row_error))
    if errors:
        messages.error(request, _("Nothing was imported: correct the rows above and try again."))
    else:
        messages.success(request, _("%(n)d old case(s) imported.") % {"n": len(cases)})
    return redirect("campaigns:detail", pk=campaign.pk)
