"""Whether a resident can choose about texts to their phone, and whether they stopped them."""

from __future__ import annotations

from jiceng.notices.models import OptOut
from jiceng.people.models import Resident


def can_choose(resident: Resident | None) -> bool:
    """Whether there is a phone to decide about (none once personal data was purged)."""
    return resident is not None and bool(resident.phone_index) and resident.purged_at is None


def stopped(resident: Resident) -> bool:
    return OptOut.objects.filter(phone_index=resident.phone_index).exists()
