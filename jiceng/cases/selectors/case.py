"""One case with its history, and what the user may do with it now."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.cases import rules
from jiceng.cases.history.floor import case_events
from jiceng.cases.models import Case, CaseEvent
from jiceng.cases.permissions import STAFF_ROLES, visible_cases
from jiceng.core.errors import NotAllowed
from jiceng.people.models import User


def case_detail(user: User, number: str) -> Case:
    """One visible case with what its page shows, or NotAllowed (also when it does not exist)."""
    case = (
        visible_cases(user)
        .filter(number=number)
        .select_related(
            "category__time_limit", "owner", "division__parent", "resident", "merged_into"
        )
        .first()
    )
    if case is None:
        raise NotAllowed(_("No case %(ref)s in your jurisdiction.") % {"ref": number})
    return case


def case_timeline(case: Case) -> list[CaseEvent]:
    """Every event of a case fetched by :func:`case_detail`, internal notes included.

    Read from the months since its submission only (``history.floor``)."""
    return list(
        case_events(case.pk, case.submitted_at)
        .select_related("actor__unit", "unit")
        .order_by("seq")
    )


def _owns(user: User, case: Case) -> bool:
    return user.role in STAFF_ROLES and user.unit_id is not None and user.unit_id == case.owner_id


def available_actions(user: User, case: Case) -> list[str]:
    """The actions the user can take on the case now (the rule book's answer, in page order).

    ``case`` must come from a scoped selector (the user can see it).
    """
    return rules.available(user, case)


def can_reveal(user: User, case: Case) -> bool:
    """Only the unit that owns the case now may see the resident's contact in clear."""
    return case.resident_id is not None and _owns(user, case)
