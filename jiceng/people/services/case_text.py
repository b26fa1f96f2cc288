"""Seeing a case's own text unmasked: logged like the contact fields it may hold."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from jiceng.core import clock
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import AccessLog, User

if TYPE_CHECKING:
    from jiceng.cases.models import Case

# The access log's field for a case's own text (title, description, address) seen in clear.
CASE_TEXT = "case_text"


def case_text_reveal(*, case: Case, by: User, reason: str) -> None:
    """Log that ``by`` sees the case's text as typed, numbers and names unmasked.

    Residents type phone numbers and names into their requests; those are personal
    data like the contact fields, so seeing them in clear is logged the same way. The
    caller has already checked that ``by`` may see it (the owning unit).
    """
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("Give a reason for viewing personal data."), field="reason")
    if case.resident_id is None:
        raise NotAllowed(_("This request has no resident whose data could be revealed."))
    AccessLog.objects.create(
        user=by,
        resident_id=case.resident_id,
        field=CASE_TEXT,
        reason=reason[:200],
        case_id=case.pk,
        at=clock.now(),
    )
