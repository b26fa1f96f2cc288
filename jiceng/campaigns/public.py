"""Campaign progress on the portal, for the campaigns whose leaders chose to show it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from jiceng.campaigns import selectors
from jiceng.campaigns.models import Campaign
from jiceng.cases.models import OPEN_STATES


@require_GET
def public_list(request: HttpRequest) -> HttpResponse:
    campaigns = Campaign.objects.filter(public=True)[:100]
    return render(request, "campaigns/public_list.html", {"campaigns": campaigns})


@require_GET
def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign, pk=pk, public=True)
    cases = selectors.public_cases(campaign)
    days = selectors.burn_down(cases, campaign)
    context = {
        "campaign": campaign,
        "total": cases.count(),
        "still_open": cases.filter(state__in=OPEN_STATES).count(),
        "days": days,
        "bars": selectors.bars(days),
    }
    return render(request, "campaigns/public_detail.html", context)
