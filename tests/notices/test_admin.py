"""The admin records a resident's opt-out by phone and never shows a message's number."""

from __future__ import annotations

import pytest
from django.test import Client

from jiceng.core import crypto
from jiceng.notices import outbox
from jiceng.notices.models import Message, OptOut, OptOutSource, Status
from jiceng.people.models import User

from factories import submit

pytestmark = pytest.mark.django_db


def test_an_opt_out_asked_on_the_phone_is_kept_as_a_blind_index_and_stops_the_sms(
    client: Client, users: dict[str, User], monday: object
) -> None:
    client.force_login(users["admin"])
    response = client.post("/admin/notices/optout/add/", {"phone": "13812345678"})
    assert response.status_code == 302
    (opt_out,) = OptOut.objects.all()
    assert opt_out.phone_index == crypto.blind_index("13812345678")
    assert opt_out.source == OptOutSource.STAFF
    submit(users)
    outbox.drain()
    assert Message.objects.get().status == Status.CANCELLED


def test_a_bad_number_is_refused_with_the_reason(client: Client, users: dict[str, User]) -> None:
    client.force_login(users["admin"])
    response = client.post("/admin/notices/optout/add/", {"phone": "12345"})
    assert "Enter an 11-digit mobile number." in response.content.decode()
    assert not OptOut.objects.exists()


def test_the_message_list_shows_the_masked_phone_only(
    client: Client, users: dict[str, User], monday: object
) -> None:
    submit(users)
    client.force_login(users["admin"])
    page = client.get("/admin/notices/message/").content.decode()
    assert "138****5678" in page and "13812345678" not in page
