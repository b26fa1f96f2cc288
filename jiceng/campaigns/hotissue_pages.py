"""The button on the dashboard's hot issues that adopts one as a campaign."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jiceng.campaigns.hotissue import campaign_from_hot_issue
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.web.workbench.access import acting_user, staff_required


@staff_required
@require_POST
def adopt(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        adopted = campaign_from_hot_issue(by=acting_user(request), pk=pk)
    except NotAllowed:
        raise Http404(_("No such hot issue in your area.")) from None
    except InvalidInput as error:
        messages.error(request, error.message)
        return redirect("campaigns:list")
    if adopted.created:
        messages.success(
            request,
            _(
                "The campaign is open with the hot issue's requests and keywords; new"
                " requests about it are proposed below."
            ),
        )
    else:
        messages.info(request, _("This hot issue is already an open campaign."))
    return redirect("campaigns:detail", pk=adopted.campaign.pk)
