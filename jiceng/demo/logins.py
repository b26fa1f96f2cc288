"""The demo's logins, one per role, as ``jiceng demo`` prints them."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.demo import setup
from jiceng.people.models import Role


def logins_text() -> str:
    rows = [
        (Role.ADMIN, "admin"),
        (Role.DISPATCHER, "dispatcher"),
        (Role.LEADER, "leader"),
        (Role.TOWNSHIP_STAFF, "township"),
        (Role.VILLAGE_CADRE, "cadre"),
        (Role.GRID_WORKER, "grid"),
        (Role.DEPARTMENT_STAFF, "department"),
        (Role.RESIDENT, "resident"),
    ]
    lines = [_("Demo logins (password: %(password)s):") % {"password": setup.DEMO_PASSWORD}]
    lines += [f"  {Role(role).label:<16} {username}" for role, username in rows]
    return "\n".join(lines)
