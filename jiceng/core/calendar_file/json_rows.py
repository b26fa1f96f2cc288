"""The rows of a JSON calendar file: a list of objects, each numbered from one."""

from __future__ import annotations

import json

from django.utils.translation import gettext as _

from jiceng.core.calendar_file.errors import FIRST_LINE, RowError, Rows, Where
from jiceng.core.calendar_file.values import text_of


def json_rows(text: str) -> tuple[Rows, list[RowError]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [
            RowError(Where(error.lineno), "", _("Not valid JSON: %(error)s") % {"error": error.msg})
        ]
    source = ""
    if isinstance(data, dict):
        source = text_of(data.get("source"))
        data = data.get("days")
    if not isinstance(data, list):
        message = _('Expected a list of days, or an object with a "days" list.')
        return [], [RowError(FIRST_LINE, "", message)]
    rows: Rows = []
    errors: list[RowError] = []
    for number, entry in enumerate(data, start=1):
        where = Where(number, entry=True)
        if not isinstance(entry, dict):
            message = _('Expected an object with "date", "kind" and "name".')
            errors.append(RowError(where, "", message))
        else:
            rows.append((where, {"source": source, **entry} if source else entry))
    return rows, errors
