"""Checking what people type: free text and phone numbers."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from jiceng.core.errors import InvalidInput

PHONE_RE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
MAX_DESCRIPTION = 5000


def clean_text(value: str, field: str, *, max_length: int, required: bool = True) -> str:
    value = (value or "").strip()
    # Control characters other than tab and line breaks, and halves of UTF-16 pairs: nobody
    # types them, PostgreSQL cannot store NUL or the halves, and XML (Open311) cannot carry
    # them. (``re`` keeps the compiled pattern.)
    if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]", value):
        raise InvalidInput(
            _("%(field)s contains control characters; remove them and try again.")
            % {"field": field},
            field=field,
        )
    if required and not value:
        raise InvalidInput(_("%(field)s is required.") % {"field": field}, field=field)
    if len(value) > max_length:
        raise InvalidInput(
            _("%(field)s must be at most %(n)d characters.") % {"field": field, "n": max_length},
            field=field,
        )
    return value


def clean_phone(phone: str) -> str:
    phone = re.sub(r"[\s()]", "", phone or "")
    if not PHONE_RE.match(phone):
        raise InvalidInput(
            _(
                "Phone must be an 11-digit mobile number (e.g. 13812345678) "
                "or a landline with its area code."
            ),
            field="phone",
        )
    return phone
