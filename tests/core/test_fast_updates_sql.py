"""Tripwire: update_rows sends, for each row, the SET the ORM's update sends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fast_capture import statements

from jiceng.core import clock
from jiceng.core.fast.updates import update_rows
from jiceng.notices import outbox
from jiceng.notices.models import Channel, Message, Status

from factories import submit

pytestmark = pytest.mark.django_db
# No None among the values: the ORM writes ``= NULL`` into the statement for those.
FIELDS = ["status", "error", "lease", "lease_until", "not_before", "attempts", "provider_id"]


def test_each_row_is_updated_with_the_orms_assignments_and_values(users, monday):
    case = submit(users)
    now = clock.now()
    planned = outbox.message(
        key="tripwire", channel=Channel.SMS, template="case_accepted", params={}, at=now,
        case_id=case.pk,
    )  # fmt: skip
    outbox.plan([planned])
    row = Message.objects.get(key="tripwire")
    row.status, row.error, row.lease, row.attempts = Status.PENDING, "网关 502", "drain-1", 2
    row.lease_until, row.not_before = now + timedelta(seconds=30), now + timedelta(minutes=1)
    row.provider_id = "900619746936498440^2"
    values = {name: getattr(row, name) for name in FIELDS}
    (orm,) = statements(lambda: Message.objects.filter(pk=row.pk).update(**values), "UPDATE")
    (ours,) = statements(lambda: update_rows([row], FIELDS), "UPDATE")
    assert ours[0].split(" WHERE ")[0] == orm[0].split(" WHERE ")[0]
    assert ours[1] == orm[1]  # the assigned values, then the primary key
