"""Reference data every API write reads, kept in the process for a minute.

Categories, time limits and the counties served change a few times a year,
through the admin; reading them on every case creation cost a query each time.
A minute of staleness after an edit is harmless (a deactivated category is
refused a minute later); the copies are the ``api.reference.*`` memos.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.cases.models import Category, TimeLimit, Urgency
from jiceng.cases.public import deployment_counties
from jiceng.core.calendar import HOURS
from jiceng.core.memo import memo
from jiceng.people.models import Unit, UnitKind

SECONDS = 60.0


@memo("api.reference.categories", seconds=SECONDS)
def active_categories() -> dict[str, Category]:
    """Active categories by code, each with its time limit loaded."""
    active = Category.objects.filter(active=True).select_related("time_limit")
    return {category.code: category for category in active}


@memo("api.reference.dispatch_centres", seconds=SECONDS)
def dispatch_centre_names() -> dict[int, str]:
    """The names of the counties' dispatch centres, which own every case just submitted."""
    return dict(Unit.objects.filter(kind=UnitKind.DISPATCH).values_list("pk", "name").iterator())


@memo("api.reference.time_limits", seconds=SECONDS)
def time_limits() -> dict[str, TimeLimit]:
    return {limit.code: limit for limit in TimeLimit.objects.all()}


@memo("api.reference.counties", seconds=SECONDS)
def county_codes() -> list[str]:
    """The counties this deployment serves (``jurisdiction_id`` values)."""
    return [county.code for county in deployment_counties()]


def limit_code(category_limit: str, urgency: str) -> str:
    """The time limit a case runs on (as ``cases.services.time_limit_for``): emergencies
    run on the emergency limit whatever their category."""
    return "emergency" if urgency == Urgency.EMERGENCY else category_limit


def notice(limit: TimeLimit) -> str:
    """The resolution time limit in plain words."""
    if limit.resolve_unit == HOURS:
        return _("To be resolved within %(n)d hours.") % {"n": limit.resolve_amount}
    return _("To be resolved within %(n)d working days.") % {"n": limit.resolve_amount}
