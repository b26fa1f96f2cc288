"""Merged residents keep their voice: each follows the surviving case and rates it once."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client

from jiceng.cases import rules, services
from jiceng.cases.models import Case, EventKind, Rating, RatingSource, State
from jiceng.core import clock
from jiceng.core.errors import IllegalTransition

from factories import accepted, submit

pytestmark = pytest.mark.django_db

OTHER_PHONE = "13900002222"


def _merged_pair(users):
    """A survivor (resident 王小明, …5678) and a duplicate from another resident (…2222)."""
    survivor = accepted(users)
    duplicate = submit(users, contact_phone=OTHER_PHONE, contact_name="李秀英")
    services.case_merge(case=duplicate, into=survivor, by=users["dispatcher"])
    return Case.objects.get(pk=survivor.pk), Case.objects.get(pk=duplicate.pk)


def _resolve(users, survivor: Case) -> Case:
    services.case_resolve(case=survivor, by=users["cadre"], answer="路灯已全部更换。")
    return Case.objects.get(pk=survivor.pk)


def test_a_merged_residents_rating_counts_once_for_the_unit_that_resolved_the_work(
    users, org, monday
):
    survivor, duplicate = _merged_pair(users)
    assert not rules.state_allows(duplicate, rules.RATE)  # nothing resolved yet
    survivor = _resolve(users, survivor)
    rating = services.case_rate(case=duplicate, solved=True, satisfaction="basically")
    assert (rating.case_id, rating.unit_id, rating.source) == (
        duplicate.pk,
        org["tianzhu"].pk,
        RatingSource.LINK,
    )
    event = duplicate.events.get(kind=EventKind.RATE)
    assert event.to_state == State.MERGED and event.data["for"] == survivor.number
    services.case_rate(case=survivor, solved=True, satisfaction="satisfied")
    # Two residents, two ratings, each counted once, both for 天竺.
    assert Rating.objects.filter(unit=org["tianzhu"]).count() == 2
    with pytest.raises(IllegalTransition, match="already rated"):
        services.case_rate(
            case=Case.objects.get(pk=duplicate.pk), solved=True, satisfaction="satisfied"
        )


def test_an_unsatisfied_merged_resident_reopens_the_surviving_case(users, org, monday):
    survivor, duplicate = _merged_pair(users)
    _resolve(users, survivor)
    services.case_rate(case=duplicate, solved=False, satisfaction="unsatisfied", comment="还是黑的")
    survivor.refresh_from_db()
    assert (survivor.state, survivor.reopen_count) == (State.DISPATCHED, 1)
    reopen = survivor.events.get(kind=EventKind.REOPEN)
    assert duplicate.number in reopen.note and "还是黑的" in reopen.note


def test_the_rating_window_closes_for_merged_residents_too(users, monday):
    survivor, duplicate = _merged_pair(users)
    _resolve(users, survivor)
    with clock.frozen_at(monday + timedelta(days=8)):
        assert not rules.state_allows(duplicate, rules.RATE)


# --- following and rating on the portal and the public API ----------------------------------


def test_a_merged_resident_follows_the_surviving_case_with_their_own_digits(
    client: Client, users, monday
):
    survivor, duplicate = _merged_pair(users)
    response = client.post("/follow/", {"number": survivor.number, "last4": "2222"})
    assert response["Location"] == f"/follow/?number={duplicate.number}"
    page = client.get(response["Location"]).content.decode()
    assert f"joined to request {survivor.number}" in page
    assert "天竺社区居委会 is working on it." in page
    assert "李秀英" not in page and "王小明" not in page
    # The other resident's own case stays closed to these digits.
    assert client.get(f"/follow/?number={survivor.number}").context["form"] is not None


def test_a_merged_resident_sees_the_answer_and_rates_on_the_portal(client: Client, users, monday):
    survivor, duplicate = _merged_pair(users)
    _resolve(users, survivor)
    client.post("/follow/", {"number": duplicate.number, "last4": "2222"})
    page = client.get(f"/follow/?number={duplicate.number}").content.decode()
    assert "路灯已全部更换。" in page and "Was your problem solved?" in page
    client.post(
        "/follow/rate/",
        {"number": duplicate.number, "solved": "yes", "satisfaction": "satisfied", "comment": ""},
    )
    rating = Rating.objects.get(case=duplicate)
    assert rating.satisfaction == "satisfied" and rating.solved
    assert Case.objects.get(pk=survivor.pk).state == State.RESOLVED  # its own resident's turn


def test_the_public_api_shows_a_merged_request_the_surviving_case(client: Client, users, monday):
    survivor, duplicate = _merged_pair(users)
    _resolve(users, survivor)
    body = client.get(f"/api/v1/public/cases/{survivor.number}", {"phone_last4": "2222"}).json()
    assert body["number"] == duplicate.number and body["merged_into"] == survivor.number
    assert body["followed_state"] == "resolved" and body["answer"] == "路灯已全部更换。"
    kinds = [step["kind"] for step in body["timeline"]]
    assert kinds[:2] == ["submit", "merge"] and "resolve" in kinds
    wrong = client.get(f"/api/v1/public/cases/{survivor.number}", {"phone_last4": "0000"})
    assert wrong.status_code == 404
    assert json.loads(wrong.content)["code"] == "not_found"
