"""Adopting a hot issue as a campaign (每月一题): one click on the dashboard's hot issues.

The campaign starts with the issue's requests that the leader may see, inside their own
area, and with the issue's keywords, so that new requests about it are proposed too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils.translation import gettext as _

from jiceng.campaigns.models import Campaign, CampaignKind
from jiceng.campaigns.services import campaign_create, may_run
from jiceng.cases.permissions import visible_cases
from jiceng.core import clock, pii
from jiceng.core.errors import NotAllowed
from jiceng.insights.models import HotIssue
from jiceng.people.models import User
from jiceng.places.codes import code_range

TARGET_DAYS = 30  # a month to solve the problem of the month
MAX_KEYWORDS = 200  # Campaign.keywords


@dataclass(frozen=True)
class Adopted:
    campaign: Campaign
    created: bool  # False: an open campaign of the same title was there already


def _issue_for(user: User, pk: int) -> HotIssue:
    """The hot issue if it is in the user's county (or above it); else NotAllowed."""
    area = user.jurisdiction
    issue = HotIssue.objects.filter(pk=pk).first()
    near = issue is not None and (issue.county.startswith(area) or area.startswith(issue.county))
    if issue is None or area == "-" or not near or not may_run(user):
        raise NotAllowed(_("No such hot issue in your area."))
    return issue


def keywords_of(issue: HotIssue) -> str:
    """The issue's keywords, space separated, as many whole words as the field holds."""
    kept = ""
    for word in (str(word).strip() for word in issue.keywords):
        joined = f"{kept} {word}".strip()
        if word and len(joined) <= MAX_KEYWORDS:
            kept = joined
    return kept


def campaign_from_hot_issue(*, by: User, pk: int) -> Adopted:
    """Open a monthly-focus campaign led by the user's unit for the hot issue ``pk``.

    NotAllowed if the user may not run campaigns or sees none of the issue's requests.
    Adopting the same issue again leads to the open campaign already made from it.
    """
    issue = _issue_for(by, pk)
    cases = visible_cases(by).filter(code_range("division_id", by.jurisdiction))
    cases = cases.filter(pk__in=issue.case_ids).order_by("pk")
    if not cases.exists():
        raise NotAllowed(_("No such hot issue in your area."))
    title = pii.mask_text(issue.label).strip()[:100]
    existing = Campaign.objects.filter(area=by.jurisdiction, title=title, closed_at=None).first()
    if existing is not None:
        return Adopted(existing, created=False)
    assert by.unit is not None  # may_run
    campaign = campaign_create(
        by=by,
        kind=CampaignKind.MONTHLY_FOCUS,
        title=title,
        lead_unit=by.unit,
        target_date=clock.now().date() + timedelta(days=TARGET_DAYS),
        keywords=keywords_of(issue),
        cases=cases,
    )
    return Adopted(campaign, created=True)
