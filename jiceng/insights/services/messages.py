"""A county's month of requests as the messages that hot-issue grouping reads."""

from __future__ import annotations

from jiceng.cases.models import Case, Kind
from jiceng.insights.rates.counting import month_bounds
from jiceng.places.codes import code_range
from jiceng.textmining.hotissues import Message

# Quarantined (suspected spam) requests are not residents' voices until a dispatcher releases them.
NOT_VOICES = ("quarantined",)
# More new requests than this (a worker down for a day) are read with the month's query.
_READ_BY_PK = 2000


def month_messages(
    county: str, year: int, month: int, known: frozenset[str] = frozenset()
) -> tuple[list[Message], dict[str, str]]:
    """The month's requests as messages, and the village of each.

    Requests in ``known`` (already grouped) come without their description: only new
    ones are read in full, so an hourly run over a busy month stays light.
    """
    start, end = month_bounds(year, month)
    requests = (
        Case.objects.filter(code_range("division_id", county), kind=Kind.REQUEST)
        .filter(submitted_at__gte=start, submitted_at__lt=end)
        .exclude(state__in=NOT_VOICES)
        .order_by("submitted_at", "pk")
    )
    rows = list(
        requests.values_list(
            "pk", "title", "submitted_at", "division_id", "resident__phone_index", "category_id"
        )
    )
    new_pks = [pk for pk, *_ in rows if str(pk) not in known]
    if known and len(new_pks) <= _READ_BY_PK:
        requests = requests.filter(pk__in=new_pks)
    descriptions = dict(requests.values_list("pk", "description"))
    messages, villages = [], {}
    for pk, title, at, village, phone, category in rows:
        # One phone is one voice however often it calls; the blind index tells, not the number.
        # The category lets grouping tell a problem from a stock phrase (textmining.hotissues).
        messages.append(
            Message(
                id=str(pk),
                title=title,
                text=descriptions.get(pk, ""),
                time=at,
                user=phone or str(pk),
                category=category or "",
            )
        )
        villages[str(pk)] = village
    return messages, villages
