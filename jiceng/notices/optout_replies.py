"""Phones that replied with a stop word (TD) get no more SMS, kept by their blind index."""

from __future__ import annotations

from jiceng.core import clock, crypto
from jiceng.notices.channels.sms.formats import national
from jiceng.notices.models import OptOut, OptOutSource


def stop_texts_to(*, phones: list[str], source: str = OptOutSource.REPLY) -> int:
    """No more SMS to these phones (a TD reply from each); phones already stopped stay so.

    Numbers come as gateways write them (``+8613812345678``); each is kept only as the
    blind index of its 11 digits, the form a resident's phone is indexed under.
    """
    indexes = {crypto.blind_index(national(phone)) for phone in phones if phone}
    indexes.discard("")
    now = clock.now()
    rows = [OptOut(phone_index=index, at=now, source=source) for index in indexes]
    OptOut.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
