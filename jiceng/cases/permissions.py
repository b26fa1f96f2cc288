"""Jurisdiction scoping for cases: who may see a case, and who may act on it.

Every read goes through :func:`visible_cases`; every write through
:func:`case_for_user` with ``write=True`` or the service's own checks.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from jiceng.cases.models import Case, DispatchRule
from jiceng.core.errors import NotAllowed
from jiceng.people.models import Role, User
from jiceng.places.codes import code_range

STAFF_ROLES = frozenset(
    {
        Role.GRID_WORKER,
        Role.VILLAGE_CADRE,
        Role.TOWNSHIP_STAFF,
        Role.DISPATCHER,
        Role.DEPARTMENT_STAFF,
    }
)


# The condition of a user who may see no case at all.
NOTHING = Q(pk__in=[])


def is_admin(user: User) -> bool:
    return bool(user.is_superuser or user.role == Role.ADMIN)


def scope_filter(user: User) -> Q | None:
    """The condition on cases this user may see; None means everything (admins)."""
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if is_admin(user):
        return None
    if user.role == Role.RESIDENT or user.unit_id is None:
        return NOTHING
    owned = Q(owner_id=user.unit_id)
    if user.role == Role.DEPARTMENT_STAFF:
        remit = DispatchRule.objects.filter(unit_id=user.unit_id).values("category_id")
        return owned | Q(division__code__startswith=user.jurisdiction, category_id__in=remit)
    return owned | Q(division__code__startswith=user.jurisdiction)


def scope_key(user: User) -> tuple[object, ...]:
    """Everything :func:`scope_filter` reads of ``user``, as a hashable key.

    Users with equal keys get the same filter, so anything built from the filter (the
    API's compiled list queries) may be kept under this key. It must read every input
    scope_filter reads: ``tests/cases/test_scope_key.py`` fails when the two drift apart.
    """
    if not user.is_authenticated or not user.is_active:
        return (False,)
    return (True, user.is_superuser, user.role, user.unit_id, user.jurisdiction)


def visible_cases(user: User) -> QuerySet[Case]:
    condition = scope_filter(user)
    cases = Case.objects.all()
    return cases if condition is None else cases.filter(condition)


def visible_in(user: User, prefix: str) -> QuerySet[Case]:
    """The cases of :func:`visible_cases` located under a division-code ``prefix``.

    The same rows as ``visible_cases(user)`` narrowed to the place, said more simply where
    the rule allows: inside their own jurisdiction every case is visible to an admin and to
    every staff role but department staff (whose remit is by category), so the condition
    is the place's code range alone. PostgreSQL cannot tell that the jurisdiction's OR
    adds nothing to the range and counts the place twice: for a county's area queue it
    expected 552 open cases of 13,093 and sorted them all instead of reading the first
    fifty in deadline order (bench/city/README.md, Session 12).
    """
    place = code_range("division", prefix)
    condition = scope_filter(user)
    whole = condition is None or (
        condition != NOTHING
        and user.role != Role.DEPARTMENT_STAFF
        and prefix.startswith(user.jurisdiction)
    )
    return Case.objects.filter(place) if whole else visible_cases(user).filter(place)


def can_see(user: User, case: Case) -> bool:
    """The same rule as :func:`scope_filter`, decided in Python where no query is needed."""
    if not user.is_authenticated or not user.is_active:
        return False
    if is_admin(user):
        return True
    if user.role == Role.RESIDENT or user.unit_id is None:
        return False
    if case.owner_id == user.unit_id:
        return True
    if user.role == Role.DEPARTMENT_STAFF:
        return visible_cases(user).filter(pk=case.pk).exists()
    return case.division_id.startswith(user.jurisdiction)


def require_visible(user: User, case: Case) -> None:
    if not can_see(user, case):
        raise NotAllowed(
            _("Case %(number)s is outside your jurisdiction.") % {"number": case.number}
        )


def require_owner(user: User, case: Case, *, roles: frozenset[str] = STAFF_ROLES) -> None:
    """The user must work in the unit that owns the case now, in one of ``roles``."""
    if user.role not in roles or user.unit_id is None or user.unit_id != case.owner_id:
        raise NotAllowed(
            _("Only the unit that owns case %(number)s can do this.") % {"number": case.number}
        )


def require_role(user: User, roles: frozenset[str]) -> None:
    if user.role not in roles:
        raise NotAllowed(_("Your role cannot do this."))


def case_for_user(user: User, case_ref: int | str, *, write: bool = False) -> Case:
    """Fetch a case by id or number and check the user may see it (and act on it, if ``write``)."""
    lookup = Q(number=case_ref) if isinstance(case_ref, str) else Q(pk=case_ref)
    case = (
        visible_cases(user)
        .filter(lookup)
        .select_related("category__time_limit", "owner", "division", "resident")
        .first()
    )
    if case is None:
        raise NotAllowed(_("No case %(ref)s in your jurisdiction.") % {"ref": case_ref})
    if write:
        require_owner(user, case)
    return case
