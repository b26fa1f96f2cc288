"""Every template by its code, the residents' first (the order docs/notifications.md lists)."""

from __future__ import annotations

from jiceng.notices.templates import resident, staff
from jiceng.notices.templates.template import Template

TEMPLATES: dict[str, Template] = {t.code: t for t in (*resident.TEMPLATES, *staff.TEMPLATES)}
