"""What is wrong with a CSV calendar file's header: required columns missing, unknown ones."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.core.calendar_file.days import FIELDS, REQUIRED


def header_problems(header: list[str]) -> list[str]:
    problems = []
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in FIELDS]
    if missing:
        problems.append(
            _("The header must name the columns %(required)s; missing: %(missing)s.")
            % {"required": ", ".join(REQUIRED), "missing": ", ".join(missing)}
        )
    if unknown:
        problems.append(
            _("Unknown columns %(unknown)s; the columns are %(fields)s.")
            % {"unknown": ", ".join(unknown), "fields": ", ".join(FIELDS)}
        )
    return problems
