"""Following a case by number: a few wrong phone digits lock that number, whoever guesses."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client

from jiceng.cases import public
from jiceng.cases.models import Case
from jiceng.core import clock
from jiceng.people.models import User

from factories import submit

pytestmark = pytest.mark.django_db
NOT_FOUND = "We could not find a request with that number and those phone digits."


def _portal(number: str, last4: str, address: str) -> Any:
    return Client(REMOTE_ADDR=address).post("/follow/", {"number": number, "last4": last4})


def _api(number: str, last4: str, address: str) -> Any:
    return Client(REMOTE_ADDR=address).get(f"/api/v1/public/cases/{number}", {"phone_last4": last4})


def _guess_wrong(case: Case, times: int) -> None:
    """Wrong digits from a new address each time, alternating portal and API."""
    for n in range(times):
        ask = _portal if n % 2 else _api
        ask(case.number or "", f"{n:04d}", f"10.9.0.{n}")


def test_five_wrong_tries_from_many_addresses_lock_the_number_on_both_channels(
    users: dict[str, User], monday: datetime
) -> None:
    case = submit(users)
    _guess_wrong(case, 5)
    page = _portal(case.number or "", "5678", "10.8.8.8")
    assert page.status_code == 200 and NOT_FOUND in page.content.decode()
    assert _api(case.number or "", "5678", "10.8.8.9").status_code == 404
    assert public.follow_case(case.number or "", "5678") is None


def test_four_wrong_tries_still_let_the_resident_in(
    users: dict[str, User], monday: datetime
) -> None:
    case = submit(users)
    _guess_wrong(case, 4)
    assert _portal(case.number or "", "5678", "10.8.8.8").status_code == 302
    assert _api(case.number or "", "5678", "10.8.8.9").json()["number"] == case.number


def test_a_locked_number_answers_exactly_like_a_wrong_or_unknown_one(
    users: dict[str, User], monday: datetime
) -> None:
    locked, other = submit(users), submit(users)
    _guess_wrong(locked, 5)
    answers = [
        _api(locked.number or "", "5678", "10.7.0.1"),  # locked, right digits
        _api(other.number or "", "0000", "10.7.0.2"),  # wrong digits
        _api("202699999999", "5678", "10.7.0.3"),  # no such number
    ]
    assert {(a.status_code, a.content) for a in answers} == {(404, answers[0].content)}
    pages = [
        _portal(locked.number or "", "5678", "10.7.1.1"),
        _portal(other.number or "", "0000", "10.7.1.2"),
        _portal("202699999999", "5678", "10.7.1.3"),
    ]
    assert all(p.status_code == 200 and NOT_FOUND in p.content.decode() for p in pages)


def test_the_lock_is_for_one_number_only(users: dict[str, User], monday: datetime) -> None:
    locked, other = submit(users), submit(users)
    _guess_wrong(locked, 5)
    assert public.follow_case(other.number or "", "5678") == other


def test_the_lock_lasts_at_least_an_hour_and_then_lets_the_resident_in(
    users: dict[str, User], monday: datetime
) -> None:
    case = submit(users)
    _guess_wrong(case, 5)
    with clock.frozen_at(monday + timedelta(minutes=70)):
        assert public.follow_case(case.number or "", "5678") is None
    with clock.frozen_at(monday + timedelta(hours=2, minutes=1)):
        assert public.follow_case(case.number or "", "5678") == case


def test_lookups_from_one_address_share_one_budget_on_both_channels(
    users: dict[str, User], monday: datetime
) -> None:
    case = submit(users)
    for n in range(10):  # unknown numbers, so no number locks itself
        _portal(f"20269999{n:04d}", "0000", "10.1.1.1")
        _api(f"20268888{n:04d}", "0000", "10.1.1.1")
    assert _portal(case.number or "", "5678", "10.1.1.1").status_code == 429
    assert _api(case.number or "", "5678", "10.1.1.1").status_code == 429
    assert _api(case.number or "", "5678", "10.1.1.2").status_code == 200
