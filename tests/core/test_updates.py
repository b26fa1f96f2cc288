"""update_rows writes the same rows the ORM's bulk_update would."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.forms.models import model_to_dict

from jiceng.core import clock
from jiceng.core.updates import update_rows
from jiceng.notices import outbox
from jiceng.notices.models import Channel, Message, Status
from jiceng.people.models import User

from factories import submit

pytestmark = pytest.mark.django_db
FIELDS = [
    "status",
    "error",
    "lease",
    "lease_until",
    "not_before",
    "attempts",
    "sent_at",
    "provider_id",
]


def _pair(suffix: str, case_id: int) -> list[Message]:
    now = clock.now()
    rows = [
        outbox.message(
            key=f"{name}:{suffix}",
            channel=Channel.SMS,
            template="case_accepted",
            params={"number": "1", "unit": "天竺社区"},
            at=now,
            case_id=case_id,
        )
        for name in ("direct", "orm")
    ]
    outbox.plan(rows)
    return list(Message.objects.filter(key__endswith=f":{suffix}").order_by("key"))


def _changed(row: Message, n: int) -> Message:
    now = clock.now()
    row.status, row.error, row.attempts = Status.PENDING, f"gateway error 50{n} 网关", n
    row.lease, row.lease_until = "", None
    row.not_before, row.sent_at = now + timedelta(seconds=30 * n, microseconds=n), now
    row.provider_id = f"900619746936498440^{n}"
    return row


def _written(row: Message) -> dict[str, object]:
    fresh = model_to_dict(Message.objects.get(pk=row.pk))
    return {name: fresh[name] for name in FIELDS}


def test_rows_updated_directly_read_back_like_rows_bulk_updated_by_the_orm(
    users: dict[str, User], monday: object
) -> None:
    case = submit(users)
    pairs = [_pair(str(n), case.pk) for n in range(3)]
    direct = [_changed(pair[0], n) for n, pair in enumerate(pairs)]
    orm = [_changed(pair[1], n) for n, pair in enumerate(pairs)]
    update_rows(direct, FIELDS)
    Message.objects.bulk_update(orm, FIELDS)
    for one, other in zip(direct, orm, strict=True):
        assert _written(one) == _written(other)
    assert _written(direct[2])["error"] == "gateway error 502 网关"


def test_updating_no_rows_does_nothing(db: None) -> None:
    update_rows([], FIELDS)
