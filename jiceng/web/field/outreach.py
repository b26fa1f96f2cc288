"""Policy outreach: recording each outcome (the households list is outreach_list)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jiceng.core.errors import JicengError, NotAllowed
from jiceng.policies.selectors import outreach_item
from jiceng.policies.services import outreach_record
from jiceng.web.field.access import field_user, service_error
from jiceng.web.field.forms import OutcomeForm


@login_required
@require_POST
def outreach_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    user = field_user(request)
    try:
        item = outreach_item(user, pk)
    except NotAllowed:
        raise Http404(_("No such outreach item in your village.")) from None
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            outreach_record(item=item, by=user, **form.cleaned_data)
        except JicengError as error:
            service_error(form, error)
    if form.errors:
        messages.error(request, " ".join(str(m) for ms in form.errors.values() for m in ms))
    return redirect("field:outreach")
