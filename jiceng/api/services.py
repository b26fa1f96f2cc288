"""Creating, revoking and checking API keys.

A key is ``jck_<prefix>_<secret>``: the prefix finds the row, the SHA-256 of
the whole key is compared in constant time. The secret has 192 random bits,
so a fast hash is enough; nothing but the hash is kept.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import secrets

from django.db import connection, transaction
from django.utils.translation import gettext as _

from jiceng.api.models import ApiKey
from jiceng.core import clock
from jiceng.core.errors import InvalidInput
from jiceng.core.memo import memo
from jiceng.core.rows import statement_cursor
from jiceng.people.models import UNIT_KIND_OF_ROLE, Role, Unit, UnitKind, User
from jiceng.people.units import ensure_unit
from jiceng.places.models import CODE_LENGTHS, Division, Level

KEY_PREFIX = "jck"
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


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


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
    key is setting up who may act for that division.
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
            key_hash=_hash(raw),
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


def _key_row_sql() -> str:
    key, user, unit = ApiKey._meta.db_table, User._meta.db_table, Unit._meta.db_table
    columns = "k.key_hash, u.id, u.is_active, u.username, u.role, u.unit_id, u.is_superuser"
    joins = f"{key} k JOIN {user} u ON u.id = k.user_id LEFT JOIN {unit} n ON n.id = u.unit_id"
    # Table names come from the models; the prefix is a parameter.
    return (
        f"SELECT {columns}, n.division_id FROM {joins} WHERE k.prefix = %s AND k.revoked_at IS NULL"  # noqa: S608
    )


def apikey_user(raw: str) -> User | None:
    """The service user behind a valid, unrevoked key; None for anything else.

    The user is a copy of a per-process instance (with its unit loaded); the instance
    is reloaded whenever the key row shows a change to what scoping reads.
    """
    parts = (raw or "").split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX:
        return None
    with statement_cursor(connection) as cursor:
        cursor.execute(_key_row_sql(), [parts[1]])
        row = cursor.fetchone()
    if row is None or not hmac.compare_digest(row[0], _hash(raw)) or not row[2]:
        return None
    # A shallow copy: a request may set attributes on its user without touching others'.
    return copy.copy(key_user(*row[1:]))


# The service users behind keys, kept per process: building the ORM query for a key and
# its user is a large part of a small API request (bench/api/README.md). Each request
# still reads the key's row (one prepared statement) with every column scoping depends
# on, and those columns are the memo's key, so a revocation, a deactivation or a change
# of role or unit takes effect on the very next request.
@memo("api.key_users", limit=10_000)
def key_user(user_id: int, *_state: object) -> User:
    """The service user with its unit; ``_state``: the key row's columns scoping reads."""
    return User.objects.select_related("unit").get(pk=user_id)
