"""Households of the village: the list and one household (revealing a contact is beside it)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.cases.households import household_cases
from jiceng.core import clock
from jiceng.fieldwork import selectors
from jiceng.fieldwork.scope import field_village, households_for
from jiceng.people.models import Household, User
from jiceng.people.services import may_reveal_household
from jiceng.web.field.access import field_user
from jiceng.web.field.display import member_view
from jiceng.web.field.forms import RevealForm
from jiceng.web.field.household_filter import HouseholdFilter
from jiceng.web.field.household_list import PAGE_SIZE, filtered, village_groups


@login_required
def households(request: HttpRequest) -> HttpResponse:
    user = field_user(request)
    today = timezone.localdate(clock.now())
    form = HouseholdFilter(request.GET or None, groups=village_groups(field_village(user)))
    homes = filtered(households_for(user), form).prefetch_related("members")
    page = Paginator(homes, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for home in page:
        members = [member_view(p, today) for p in home.members.all() if not p.moved_away_on]
        rows.append((home, members))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"rows": rows, "form": form, "page": page, "query": query.urlencode()}
    return render(request, "web/field/households.html", context)


def village_household(user: User, pk: int) -> Household:
    home = households_for(user).filter(pk=pk).first()
    if home is None:
        raise Http404(_("No such household in your village."))
    return home


CASES_SHOWN = 30  # the household's latest requests the user may see


def household_page(
    request: HttpRequest,
    home: Household,
    *,
    clear: tuple[int, str, str] | None = None,
    reveal_form: RevealForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = field_user(request)
    today = timezone.localdate(clock.now())
    members = [member_view(p, today) for p in home.members.filter(moved_away_on__isnull=True)]
    if clear is not None:
        for member in members:
            if member.person.pk == clear[0]:
                member.clear[clear[1]] = clear[2]
    context = {
        "home": home,
        "members": members,
        "may_reveal": may_reveal_household(user, home),
        "visits": selectors.household_visits(user, home)[:20],
        "home_cases": list(household_cases(user, home)[:CASES_SHOWN]),
        "reveal_form": reveal_form,
    }
    return render(request, "web/field/household.html", context, status=status)


@login_required
def household(request: HttpRequest, pk: int) -> HttpResponse:
    return household_page(request, village_household(field_user(request), pk))
