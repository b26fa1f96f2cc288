"""Who manages a county's set-up: administrators anywhere, a county administrator at home."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from jiceng.people.models import Role, User
from jiceng.places.models import Division, Level


def may_manage(user: User, county_code: str) -> bool:
    """Administrators may onboard any county; a county administrator only their own."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.role == Role.ADMIN:
        return True
    return user.role == Role.COUNTY_ADMIN and user.jurisdiction == county_code


def managed_county(user: User) -> str:
    """The county a county administrator manages; "" for everyone else."""
    if user.role == Role.COUNTY_ADMIN and len(user.jurisdiction) == 6:
        return user.jurisdiction
    return ""


def county_of_request(request: HttpRequest) -> Division:
    """The county the user may manage, fetched and checked in one call; else 404."""
    user = request.user
    assert isinstance(user, User)
    code = request.GET.get("county", "") or managed_county(user)
    county = Division.objects.filter(code=code, level=Level.COUNTY).first()
    if county is None or not may_manage(user, county.code):
        raise Http404(_("No such county to manage."))
    return county
