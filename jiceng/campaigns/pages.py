"""The campaign pages of the workbench: the list, opening one, one campaign, link, close."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jiceng.campaigns import selectors, services
from jiceng.campaigns.forms import CampaignForm
from jiceng.campaigns.models import Campaign
from jiceng.campaigns.progress_forms import CloseForm, LinkForm, numbers_of
from jiceng.cases.permissions import visible_cases
from jiceng.core.errors import InvalidInput, JicengError, NotAllowed
from jiceng.people.models import User
from jiceng.web.workbench.access import acting_user, staff_required


def _fetch(user: User, pk: int, *, write: bool = False) -> Campaign:
    try:
        return services.campaign_for_user(user, pk, write=write)
    except NotAllowed:
        raise Http404(_("No such campaign in your area.")) from None


@staff_required
@require_http_methods(["GET", "POST"])
def campaign_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = CampaignForm(request.POST or None, user=user, prefix="new")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = services.campaign_create(
                by=user,
                kind=data["kind"],
                title=data["title"],
                lead_unit=data["lead_unit"],
                co_units=data["co_units"],
                target_date=data["target_date"],
                keywords=data["keywords"],
                public=data["public"],
                cases=visible_cases(user).filter(number__in=numbers_of(data["numbers"])),
            )
        except InvalidInput as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        except NotAllowed as error:
            form.add_error(None, error.message)
        else:
            return redirect("campaigns:detail", pk=campaign.pk)
    context = {
        "campaigns": selectors.campaigns_for(user),
        "form": form,
        "may_run": services.may_run(user),
    }
    return render(request, "campaigns/list.html", context)


@staff_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    campaign = _fetch(user, pk)
    runs = services.may_run(user) and campaign.area.startswith(user.jurisdiction)
    days = selectors.burn_down(selectors.linked_cases(user, campaign), campaign)
    context = {
        "campaign": campaign,
        "linked": selectors.linked_cases(user, campaign).order_by("submitted_at"),
        "oldest": selectors.oldest_open_first(user, campaign)[:50],
        "imported": selectors.imported(selectors.linked_cases(user, campaign)),
        "proposed": selectors.proposed_cases(user, campaign)
        if runs and not campaign.closed_at
        else [],
        "days": days,
        "bars": selectors.bars(days),
        "causes": selectors.root_causes(user, campaign),
        "runs": runs and campaign.closed_at is None,
        "link_form": LinkForm(prefix="link"),
        "close_form": CloseForm(prefix="close"),
    }
    return render(request, "campaigns/detail.html", context)


@staff_required
@require_POST
def link(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    campaign = _fetch(user, pk, write=True)
    form = LinkForm(request.POST, prefix="link")
    numbers = numbers_of(form.data.get("link-numbers", ""))
    try:
        added = services.campaign_link(
            campaign=campaign, cases=visible_cases(user).filter(number__in=numbers), by=user
        )
    except JicengError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(n)d case(s) linked.") % {"n": added})
    return redirect("campaigns:detail", pk=campaign.pk)


@staff_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    campaign = _fetch(user, pk, write=True)
    try:
        services.campaign_close(
            campaign=campaign, by=user, report=request.POST.get("close-report", "")
        )
    except JicengError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The campaign is closed."))
    return redirect("campaigns:detail", pk=campaign.pk)
