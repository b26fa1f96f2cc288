"""Writes of campaigns: open one, link cases to it, close it with a report."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.campaigns.models import Campaign, CampaignCase, CampaignKind
from jiceng.cases.models import Case
from jiceng.cases.permissions import can_see, is_admin
from jiceng.core import clock
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import Role, Unit, User

LEADING_ROLES = frozenset({Role.LEADER, Role.TOWNSHIP_STAFF})


def may_run(user: User) -> bool:
    """Leaders (a county) and township staff (their township) run campaigns."""
    return (
        user.is_active
        and (user.role in LEADING_ROLES or is_admin(user))
        and user.unit_id is not None
    )


def campaign_for_user(user: User, pk: int, *, write: bool = False) -> Campaign:
    """The campaign if the user may see it (and, with ``write``, run it); else NotAllowed."""
    area = user.jurisdiction
    campaign = Campaign.objects.select_related("lead_unit").filter(pk=pk).first()
    if campaign is None or area == "-":
        raise NotAllowed(_("No such campaign in your area."))
    # A county's campaign is seen in its townships; a township's only there (and above).
    visible = campaign.area.startswith(area) or area.startswith(campaign.area)
    if not visible or (write and not _runs(user, campaign)):
        raise NotAllowed(_("No such campaign in your area."))
    return campaign


def _runs(user: User, campaign: Campaign) -> bool:
    return may_run(user) and campaign.area.startswith(user.jurisdiction)


def _check_units(area: str, units: Iterable[Unit]) -> None:
    for unit in units:
        if not unit.division_id.startswith(area[:6]):
            raise InvalidInput(
                _("%(unit)s is not a unit of this county.") % {"unit": unit}, field="co_units"
            )


@transaction.atomic
def campaign_create(
    *,
    by: User,
    kind: str,
    title: str,
    lead_unit: Unit,
    target_date: date,
    co_units: Iterable[Unit] = (),
    keywords: str = "",
    public: bool = False,
    cases: Iterable[Case] = (),
) -> Campaign:
    if not may_run(by):
        raise NotAllowed(_("Only leaders and township staff open campaigns."))
    if kind not in CampaignKind.values:
        raise InvalidInput(_("Choose the kind of campaign."), field="kind")
    if not title.strip():
        raise InvalidInput(_("Give the campaign a title."), field="title")
    if target_date < clock.now().date():
        raise InvalidInput(_("The target date must not be in the past."), field="target_date")
    co_units = list(co_units)
    _check_units(by.jurisdiction, [lead_unit, *co_units])
    campaign = Campaign.objects.create(
        kind=kind,
        title=title.strip()[:100],
        area=by.jurisdiction,
        lead_unit=lead_unit,
        target_date=target_date,
        keywords=keywords.strip()[:200],
        public=public,
        created_by=by,
        created_at=clock.now(),
    )
    campaign.co_units.set(co_units)
    campaign_link(campaign=campaign, cases=cases, by=by)
    return campaign


def campaign_link(*, campaign: Campaign, cases: Iterable[Case], by: User) -> int:
    """Link cases the user may see, inside the campaign's area; returns how many were new."""
    if campaign.closed_at is not None or not _runs(by, campaign):
        raise NotAllowed(_("Only who runs an open campaign links cases to it."))
    now, added = clock.now(), 0
    for case in cases:
        if not (can_see(by, case) and case.division_id.startswith(campaign.area)):
            raise NotAllowed(
                _("Case %(number)s is outside the campaign's area.") % {"number": case.number}
            )
        created = CampaignCase.objects.get_or_create(
            campaign=campaign, case=case, defaults={"added_by": by, "added_at": now}
        )[1]
        added += created
    return added


def campaign_close(*, campaign: Campaign, by: User, report: str) -> Campaign:
    if not _runs(by, campaign) or campaign.closed_at is not None:
        raise NotAllowed(_("Only who runs an open campaign closes it."))
    if not report.strip():
        raise InvalidInput(_("Write the close-out report."), field="report")
    campaign.close_report, campaign.closed_at = report.strip()[:5000], clock.now()
    campaign.save(update_fields=["close_report", "closed_at"])
    return campaign
