"""scope_key holds every input of scope_filter, so a query kept under it never leaks scope.

The API keeps compiled case lists under ``scope_key(user)``. If ``scope_filter`` began to
read something of the user that the key lacks, two users with the same key could be
given each other's compiled query, and see cases across jurisdictions.
"""

from __future__ import annotations

from typing import Any, cast

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import EmptyResultSet

from jiceng.cases.models import Case
from jiceng.cases.permissions import scope_filter, scope_key
from jiceng.people.models import Role, Unit, User

pytestmark = pytest.mark.django_db


class Recording:
    """A user whose attribute reads are written down."""

    def __init__(self, user: Any) -> None:
        self._user = user
        self.read: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        self.read.add(name)
        return getattr(self._user, name)


def _reads(function: Any, user: Any) -> set[str]:
    recording = Recording(user)
    function(cast(User, recording))
    return recording.read


def _sql(user: Any) -> str:
    condition = scope_filter(user)
    cases = Case.objects.all() if condition is None else Case.objects.filter(condition)
    try:
        return str(cases.query)
    except EmptyResultSet:
        return "no case at all"


def _variants(users: dict[str, User], org: dict[str, Unit]) -> list[Any]:
    """The named users, and users differing from one of them in a single attribute."""
    cadre = users["cadre"]
    changed = []
    for attribute, value in (
        ("is_active", False),
        ("is_superuser", True),
        ("role", Role.TOWNSHIP_STAFF),
        ("role", Role.DEPARTMENT_STAFF),
        ("role", Role.ADMIN),
        ("role", Role.RESIDENT),
        ("unit", org["baishu"]),
        ("unit", org["fengqiao"]),
        ("unit", None),
    ):
        twin = User.objects.select_related("unit").get(pk=cadre.pk)
        setattr(twin, attribute, value)
        changed.append(twin)
    same_place = User(username="cadre2", role=Role.VILLAGE_CADRE, unit=org["tianzhu"])
    return [*users.values(), *changed, same_place, AnonymousUser()]


def test_scope_key_reads_everything_scope_filter_reads(users, org):
    for user in _variants(users, org):
        assert _reads(scope_filter, user) <= _reads(scope_key, user), user


def test_users_whose_filters_differ_have_different_keys(users, org):
    variants = _variants(users, org)
    for first in variants:
        for second in variants:
            if _sql(first) != _sql(second):
                assert scope_key(first) != scope_key(second), (first, second)


def test_two_cadres_of_one_village_share_a_key_and_a_neighbour_does_not(users, org):
    twin = User(username="cadre2", role=Role.VILLAGE_CADRE, unit=org["tianzhu"])
    assert scope_key(twin) == scope_key(users["cadre"])
    assert scope_key(users["neighbour_cadre"]) != scope_key(users["cadre"])
