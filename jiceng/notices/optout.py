"""A resident stops, or starts again, the text messages to their phone (the portal's follow page).

The choice is kept by the phone's blind index (``notices.models.OptOut``), never the number
itself, so it covers every request made with that phone; the outbox's drain cancels SMS
to an opted-out phone ("opted out") when it comes to send them, including those already
waiting. Starting again removes the row.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from jiceng.core import clock
from jiceng.notices.models import OptOut, OptOutSource
from jiceng.notices.optout_state import can_choose
from jiceng.people.models import Resident


def stop_texts(*, resident: Resident) -> None:
    """No more SMS to this phone; asking twice changes nothing."""
    if not can_choose(resident):
        return
    try:
        with transaction.atomic():
            OptOut.objects.get_or_create(
                phone_index=resident.phone_index,
                defaults={"at": clock.now(), "source": OptOutSource.LINK},
            )
    except IntegrityError:  # the same phone stopped them from another tab meanwhile
        pass


def resume_texts(*, resident: Resident) -> None:
    """SMS to this phone again, whoever had stopped them."""
    if can_choose(resident):
        OptOut.objects.filter(phone_index=resident.phone_index).delete()
