"""How long personal data is kept: moved-away residents purged (the access log: ``access_log``)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.core import clock
from jiceng.core.errors import InvalidInput
from jiceng.people import health
from jiceng.people.models import Resident

PURGED_FIELDS = ("name", "phone", "id_number", "health_note", "note")


def residents_purge_moved_away(*, years: int, today: date | None = None) -> int:
    """Erase the personal data of people who moved away more than ``years`` years ago.

    The row stays (the access log points at it); only the sensitive text goes.
    Returns how many people were purged; running it twice purges nobody new.
    """
    if years < 1:
        raise InvalidInput(_("Keep data for at least one year."), field="years")
    today = today or clock.now().date()
    try:
        cutoff = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        cutoff = today.replace(year=today.year - years, day=28)
    due = Resident.objects.filter(moved_away_on__lte=cutoff, purged_at__isnull=True)
    count = 0
    with transaction.atomic():
        for person in due.select_for_update():
            for name in PURGED_FIELDS:
                setattr(person, name, "")
            person.health = health.NONE
            person.phone_index = person.phone_last4 = ""
            person.purged_at = clock.now()
            person.save()
            count += 1
    return count
