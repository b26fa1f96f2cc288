"""Places and units in the user's jurisdiction, for narrowing lists and dispatching."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from jiceng.people.models import Role, Unit, UnitKind, User
from jiceng.places.models import Division, Level


def jurisdiction_townships(user: User) -> QuerySet[Division]:
    """Townships inside the jurisdiction, or the one a village user's jurisdiction sits in."""
    scope = user.jurisdiction
    condition = Q(code__startswith=scope)
    if len(scope) > 9:
        condition |= Q(code=scope[:9])
    return Division.objects.filter(condition, level=Level.TOWNSHIP).order_by("code")


def jurisdiction_villages(user: User, township: str = "") -> QuerySet[Division]:
    """Villages inside the jurisdiction, optionally only those of one township."""
    scope = user.jurisdiction
    prefix = scope
    if township:
        if not (township.startswith(scope) or scope.startswith(township)):
            return Division.objects.none()
        prefix = max(scope, township, key=len)
    return Division.objects.filter(level=Level.VILLAGE, code__startswith=prefix).order_by("code")


def place_in_jurisdiction(user: User, code: str, level: str) -> Division | None:
    """The division ``code`` at ``level`` if the user's lists may be narrowed to it."""
    places = jurisdiction_townships(user) if level == Level.TOWNSHIP else None
    if level == Level.VILLAGE:
        places = jurisdiction_villages(user)
    return None if places is None else places.filter(code=code).first()


def dispatch_targets(user: User) -> QuerySet[Unit]:
    """Units of the dispatcher's county that can own cases (for overriding the catalogue)."""
    if user.role != Role.DISPATCHER or user.unit_id is None:
        return Unit.objects.none()
    return (
        Unit.objects.filter(division__code__startswith=user.jurisdiction[:6], active=True)
        .exclude(kind=UnitKind.DISPATCH)
        .order_by("division_id", "kind", "name")
    )
