"""An onboarding's staff: each account in its unit, keyed by username, no password set."""

from __future__ import annotations

from collections import Counter

from jiceng.onboarding.keep import keep
from jiceng.onboarding.plan import Staff
from jiceng.people.models import Role, Unit, UnitKind, User
from jiceng.people.units import unit_for_code
from jiceng.places.models import Division


def _unit_of(county: Division, staff: Staff, departments: dict[str, Unit]) -> Unit | None:
    if staff.role == Role.DEPARTMENT_STAFF:
        return departments[staff.place]
    if staff.role == Role.DISPATCHER:
        return unit_for_code(county.code, UnitKind.DISPATCH)
    return unit_for_code(staff.place or county.code)


def write_staff(
    county: Division, staff: Staff, departments: dict[str, Unit], counts: Counter[str]
) -> None:
    unit = _unit_of(county, staff, departments)
    values = {"first_name": staff.name, "role": staff.role, "unit": unit, "is_active": staff.active}
    user = User.objects.filter(username=staff.username).first()
    if user is None:
        user = User(username=staff.username, **values)
        user.set_unusable_password()  # an administrator sets the first password
        user.save()
        counts["staff_created"] += 1
        return
    keep(User, "staff", counts, {"pk": user.pk}, values)
