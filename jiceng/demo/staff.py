"""The demo's staff: one acting member per unit, and one login per role to try."""

from __future__ import annotations

import random
from functools import lru_cache

from django.contrib.auth.hashers import make_password

from jiceng.demo.people import person_name
from jiceng.demo.setup import DEMO_PASSWORD, HOME_TOWNSHIP, DemoOrg
from jiceng.people.models import Role, Unit, UnitKind, User


@lru_cache(maxsize=1)
def _demo_password_hash() -> str:
    # Hashing is slow on purpose; the demo logins share one password, so hash it once.
    return make_password(DEMO_PASSWORD)


def _user(username: str, role: str, unit: Unit | None, name: str, *, login: bool) -> User:
    user, _ = User.objects.get_or_create(
        username=username,
        defaults={
            "role": role,
            "unit": unit,
            "first_name": name,
            "password": _demo_password_hash() if login else make_password(None),
            "is_staff": role == Role.ADMIN,
            "is_superuser": role == Role.ADMIN,
        },
    )
    return user


def build_staff(org: DemoOrg, rng: random.Random) -> None:
    """One acting staff member per unit (no login) plus one login per role for people to try."""
    role_of_kind: dict[str, str] = {
        UnitKind.VILLAGE: Role.VILLAGE_CADRE,
        UnitKind.TOWNSHIP: Role.TOWNSHIP_STAFF,
        UnitKind.DEPARTMENT: Role.DEPARTMENT_STAFF,
        UnitKind.DISPATCH: Role.DISPATCHER,
    }
    units = [org.centre, *org.townships.values(), *org.villages.values(), *org.departments.values()]
    User.objects.bulk_create(
        [
            User(
                username=f"staff-{unit.pk}",
                role=role_of_kind[unit.kind],
                unit=unit,
                first_name=person_name(rng),
                password=make_password(None),
            )
            for unit in units
        ],
        ignore_conflicts=True,
    )
    staff = User.objects.filter(username__startswith="staff-").select_related("unit")
    org.staff.update({user.unit_id: user for user in staff if user.unit_id is not None})
    home_village = min(code for code in org.villages if code.startswith(HOME_TOWNSHIP))
    logins: list[tuple[str, str, Unit | None]] = [
        ("admin", Role.ADMIN, None),
        ("dispatcher", Role.DISPATCHER, org.centre),
        ("leader", Role.LEADER, org.county_unit),
        ("township", Role.TOWNSHIP_STAFF, org.townships[HOME_TOWNSHIP]),
        ("cadre", Role.VILLAGE_CADRE, org.villages[home_village]),
        ("grid", Role.GRID_WORKER, org.villages[home_village]),
        ("department", Role.DEPARTMENT_STAFF, org.departments["water"]),
        ("resident", Role.RESIDENT, None),
    ]
    for username, role, home in logins:
        org.logins[role] = _user(username, role, home, person_name(rng), login=True)
    # The logins act for their units in the generated history too, so they see their own work.
    for role in (Role.DISPATCHER, Role.TOWNSHIP_STAFF, Role.VILLAGE_CADRE, Role.DEPARTMENT_STAFF):
        user = org.logins[role]
        assert user.unit_id is not None
        org.staff[user.unit_id] = user
