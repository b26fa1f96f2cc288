"""Creating, revoking and checking API keys.

A key is ``jck_<prefix>_<secret>``: the prefix finds the row, the SHA-256 of
the whole key is compared in constant time. The secret has 192 random bits,
so a fast hash is enough; nothing but the hash is kept.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.api.models import ApiKey
from jiceng.core import clock
from jiceng.core.errors import InvalidInput
from jiceng.people.models import UNIT_KIND_OF_ROLE, Role, Unit, User
from jiceng.people.units import unit_for_code
from jiceng.places.models import CODE_LENGTHS, Division, Level

KEY_PREFIX = "jck"
# Roles a key may carry, with the division level its jurisdiction code must have.
KEY_ROLES: dict[str, str] = {
    Role.RESIDENT: Level.COUNTY,
    Role.DISPATCHER: Level.COUNTY,
    Role.LEADER: Level.COUNTY,
    Role.TOWNSHIP_STAFF: Level.TOWNSHIP,
    Role.VILLAGE_CADRE: Level.VILLAGE,
    Role.GRID_WORKER: Level.VILLAGE,
}


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _unit(role: str, jurisdiction: str) -> Unit:
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
    unit = unit_for_code(jurisdiction, UNIT_KIND_OF_ROLE.get(role))
    assert unit is not None  # the division exists
    return unit


def apikey_create(*, name: str, role: str, jurisdiction: str) -> tuple[ApiKey, str]:
    """A new key and its clear text, which is never stored and cannot be shown again."""
    name = name.strip()
    if not name or ApiKey.objects.filter(name=name).exists():
        raise InvalidInput(_("Give the key a new, unused name."), field="name")
    unit = _unit(role, jurisdiction)
    prefix = secrets.token_hex(4)
    raw = f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(24)}"
    with transaction.atomic():
        user = User(username=f"apikey:{name}"[:150], role=role, unit=unit)
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


def apikey_user(raw: str) -> User | None:
    """The service user behind a valid, unrevoked key; None for anything else."""
    parts = (raw or "").split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX:
        return None
    key = (
        ApiKey.objects.filter(prefix=parts[1], revoked_at__isnull=True)
        .select_related("user__unit")
        .first()
    )
    if key is None or not hmac.compare_digest(key.key_hash, _hash(raw)):
        return None
    return key.user if key.user.is_active else None
