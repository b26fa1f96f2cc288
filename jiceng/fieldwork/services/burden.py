"""How many fields a cadre typed for a visit, and how many the visit filled in for them."""

from __future__ import annotations

from datetime import date

from jiceng.cases.models import Case, Urgency
from jiceng.people.models import Household


def burden(
    *,
    household: Household | None,
    follow_up_on: date | None,
    case: Case | None,
    contact_prefilled: bool,
    urgency: str,
) -> tuple[int, int]:
    """Typed: where, who/place, finding, and each optional answer given. Prefilled: the rest."""
    typed = 3 + int(follow_up_on is not None)
    prefilled = 2  # date and village
    if household is not None:
        prefilled += 1  # address
    if case is not None:
        typed += 1 + int(urgency != Urgency.NORMAL) + int(not contact_prefilled)
        # description, address, village, channel and contact come from the visit
        prefilled += 4 + int(contact_prefilled) * 2
    return typed, prefilled
