"""A dispatch centre's digest: the requests waiting for dispatch, one inbox message a round."""

from __future__ import annotations

from datetime import UTC, datetime

from django.db.models import Count, DateTimeField, Min, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from jiceng.cases.models import Case, Kind, State
from jiceng.notices.digests.rounds import round_of
from jiceng.notices.models import Channel, Message
from jiceng.notices.outbox import writing
from jiceng.people.models import UnitKind

EPOCH = Value(datetime(1970, 1, 1, tzinfo=UTC), output_field=DateTimeField())


def centre_digests(now: datetime) -> int:
    """One inbox message per dispatch centre with requests that began waiting since the last."""
    waiting = Case.objects.filter(
        state=State.SUBMITTED,
        kind=Kind.REQUEST,
        respond_by__isnull=False,
        owner__kind=UnitKind.DISPATCH,
    )
    last = (
        Message.objects.filter(template="centre_waiting", unit_id=OuterRef("owner_id"))
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    rows = (
        waiting.values("owner_id")
        .annotate(count=Count("pk"), oldest=Min("owner_since"))
        .annotate(new=Count("pk", filter=Q(owner_since__gt=Coalesce(Subquery(last), EPOCH))))
    )
    planned = []
    key_round = round_of(now)
    for row in rows:
        if not row["new"]:
            continue
        planned.append(
            writing.message(
                key=f"centre_waiting:{row['owner_id']}:{key_round}",
                channel=Channel.INAPP,
                template="centre_waiting",
                params={"count": row["count"], "oldest": row["oldest"].isoformat()},
                at=now,
                unit_id=row["owner_id"],
            )
        )
    writing.plan(planned, may_exist=True)
    return len(planned)
