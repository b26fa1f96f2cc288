"""Creating and revoking API keys, each with the service user that acts for it."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.api.models import ApiKey
from jiceng.api.services.key_rows import key_hash
from jiceng.api.services.lookup import KEY_PREFIX
from jiceng.core import clock
from jiceng.core.errors import InvalidInput
from jiceng.people.models import UNIT_KIND_OF_ROLE, Role, Unit, UnitKind, User
from jiceng.people.units import ensure_unit
from jiceng.places.models import CODE_LENGTHS, Division, Level

# Roles a key may carry, with the division level its jurisdiction code must have.
KEY_ROLES: dict[str, str] = {
    Role.RESIDENT: Level.COUNTY,
    Role.DISPATCHER: Level.COUNTY,
    Role.DEPARTMENT_STAFF: Level.COUNTY,
    Role.LEADER: Level.COUNTY,
    Role.TOWNSHIP_STAFF: Level.TOWNSHIP,
    Role.VILLAGE_CADRE: Level.VILLAGE,
    Role.GRID_WORKER: Level.VILLAGE,
}


def _department(jurisdiction: str, slug: str) -> Unit:
    """The county department a department-staff key works for; its remit is its categories."""
    departments = Unit.objects.filter(
        division_id=jurisdiction, kind=UnitKind.DEPARTMENT, active=True
    ).order_by("slug")
    found = departments.filter(slug=slug).first() if slug else None
    if found is None:
        known = ", ".join(unit.slug for unit in departments) or "-"
        raise InvalidInput(
            _("Department staff keys need the department's short name, one of: %(units)s.")
            % {"units": known},
            field="unit",
        )
    return found


def apikey_unit(*, role: str, jurisdiction: str, unit: str = "") -> Unit:
    """The unit a key with this role and jurisdiction acts for, or InvalidInput naming the field.

    A village's, township's or county's own unit is created if it is missing: creating a
    key is setting up who may act for that division. It does not open the county: its
    dispatch centre, made here if missing, stays closed until the county is onboarded, so
    requests sent with the key are refused until then.
    """
    level = KEY_ROLES.get(role)
    if level is None:
        raise InvalidInput(
            _("A key's role must be one of: %(roles)s.") % {"roles": ", ".join(KEY_ROLES)},
            field="role",
        )
    division = Division.objects.filter(code=jurisdiction).first()
    if division is None or len(jurisdiction) != CODE_LENGTHS[level]:
        raise InvalidInput(
            _("Jurisdiction for role %(role)s must be a known %(level)s division code.")
            % {"role": role, "level": level},
            field="jurisdiction",
        )
    if role == Role.DEPARTMENT_STAFF:
        return _department(jurisdiction, unit.strip())
    if unit.strip():
        raise InvalidInput(_("Only department staff keys name a unit."), field="unit")
    county = Division.objects.filter(code=jurisdiction[:6], level=Level.COUNTY).first()
    if county is not None:
        ensure_unit(county, UnitKind.DISPATCH)  # closed if new: see ensure_unit
    return ensure_unit(division, UNIT_KIND_OF_ROLE.get(role))


def apikey_create(*, name: str, role: str, jurisdiction: str, unit: str = "") -> tuple[ApiKey, str]:
    """A new key and its clear text, which is never stored and cannot be shown again.

    ``unit`` is the department's short name (slug), needed only for department staff,
    whose keys see the categories their department owns in the dispatch catalogue.
    """
    name = name.strip()
    if not name or ApiKey.objects.filter(name=name).exists():
        raise InvalidInput(_("Give the key a new, unused name."), field="name")
    acts_for = apikey_unit(role=role, jurisdiction=jurisdiction, unit=unit)
    prefix = secrets.token_hex(4)
    raw = f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(24)}"
    with transaction.atomic():
        user = User(username=f"apikey:{name}"[:150], role=role, unit=acts_for)
        user.set_unusable_password()
        user.save()
        key = ApiKey.objects.create(
            name=name,
            prefix=prefix,
            key_hash=key_hash(raw),
            user=user,
            role=role,
            jurisdiction=jurisdiction,
            created_at=clock.now(),
        )
    return key, raw


def apikey_revoke(*, name: str) -> ApiKey:
    """Stop a key from working at once; its service user is deactivated with it."""
    key = ApiKey.objects.filter(name=name, revoked_at__isnull=True).select_related("user").first()
    if key is None:
        raise InvalidInput(_("No active key named %(name)s.") % {"name": name}, field="name")
    with transaction.atomic():
        key.revoked_at = clock.now()
        key.save(update_fields=["revoked_at"])
        key.user.is_active = False
        key.user.save(update_fields=["is_active"])
    return key
