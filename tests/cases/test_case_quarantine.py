"""Spam at intake: held in quarantine with its reasons, released or confirmed, never lost."""

from __future__ import annotations

from datetime import timedelta

import pytest

from jiceng.cases import public, selectors, services
from jiceng.cases.models import Case, CaseEvent, Channel, EventKind, State
from jiceng.cases.services import case_confirm_spam, case_release
from jiceng.core import clock
from jiceng.core.errors import IllegalTransition, NotAllowed
from jiceng.insights.rates import monthly_rates
from jiceng.places.models import Level

from factories import TIANZHU, submit
from intake_support import SPAM_TEXT, other_county_dispatcher, real_messages


def spam_case(users, channel: str = Channel.WEB) -> Case:
    return submit(users, description=SPAM_TEXT, title="", channel=channel)


def test_spam_from_the_public_web_form_is_quarantined_with_its_reasons(users, monday):
    case = spam_case(users)
    case.refresh_from_db()
    assert case.state == State.QUARANTINED
    assert case.respond_by is None and case.resolve_by is None
    event = case.events.get(kind=EventKind.QUARANTINE)
    assert event.to_state == State.QUARANTINED
    assert event.data["score"] >= 1.0
    assert any(reason.startswith("keyword stuffing") for reason in event.data["reasons"])
    assert event.actor is None


@pytest.mark.parametrize("channel", [Channel.API, Channel.OPEN311])
def test_spam_from_the_api_and_open311_is_quarantined_too(users, monday, channel):
    assert spam_case(users, channel).state == State.QUARANTINED


def test_text_a_dispatcher_types_from_a_phone_call_is_not_checked(users, monday):
    case = submit(users, description=SPAM_TEXT, channel=Channel.PHONE, by=users["dispatcher"])
    assert case.state == State.SUBMITTED


def test_real_residents_messages_are_never_quarantined(users, monday):
    messages = real_messages(12)
    cases = [submit(users, description=text[:5000], title="") for text in messages]
    assert [c.state for c in cases] == [State.SUBMITTED] * len(messages)
    assert not CaseEvent.objects.filter(kind=EventKind.QUARANTINE).exists()


def test_a_quarantined_case_is_in_no_queue_and_not_on_the_public_board(users, places, monday):
    held, real = spam_case(users), submit(users)
    assert list(selectors.queue_cases(users["dispatcher"])) == [real]
    assert held not in selectors.area_cases(users["township"])
    services.case_dispatch(case=real, by=users["dispatcher"])
    board, _more = public.recent_requests(places["330681"])
    assert [item.summary for item in board] == [public.shorten(real.description)]


def test_a_quarantined_case_counts_in_no_rate_until_it_is_released_and_dispatched(users, monday):
    case = spam_case(users)

    def dispatched_in_fengqiao() -> int:
        rows = monthly_rates(year=2026, month=3, within="330681", level=Level.TOWNSHIP)
        return next(row.dispatched for row in rows if row.code == TIANZHU[:9])

    assert dispatched_in_fengqiao() == 0
    case_release(case=case, by=users["dispatcher"])
    services.case_dispatch(case=case, by=users["dispatcher"])
    assert dispatched_in_fengqiao() == 1


def test_a_released_case_waits_for_dispatch_with_deadlines_from_its_release(users, monday):
    case = spam_case(users)
    with clock.frozen_at(monday + timedelta(days=2)):
        event = case_release(case=case, by=users["dispatcher"])
    case.refresh_from_db()
    assert case.state == State.SUBMITTED and event.kind == EventKind.RELEASE
    assert case.owner_since == monday + timedelta(days=2)
    assert case.respond_by is not None and case.respond_by > monday + timedelta(days=2)
    assert case in selectors.queue_cases(users["dispatcher"])
    services.case_dispatch(case=case, by=users["dispatcher"])
    assert case.state == State.DISPATCHED and case.owner.name == "天竺社区居委会"


def test_confirmed_spam_is_closed_but_kept_with_its_whole_history(users, monday):
    case = spam_case(users)
    case_confirm_spam(case=case, by=users["dispatcher"], note="赌博广告")
    case.refresh_from_db()
    assert case.state == State.QUARANTINED and case.closed_at == monday
    kinds = list(case.events.order_by("seq").values_list("kind", flat=True))
    assert kinds == [EventKind.SUBMIT, EventKind.QUARANTINE, EventKind.SPAM]
    assert Case.objects.filter(pk=case.pk).exists()
    with pytest.raises(IllegalTransition):
        case_release(case=case, by=users["dispatcher"])
    with pytest.raises(IllegalTransition):
        case_confirm_spam(case=case, by=users["dispatcher"])


def test_only_a_dispatcher_of_the_holding_centre_can_release_or_confirm(users, monday):
    case = spam_case(users)
    outsider = other_county_dispatcher()
    for user in (outsider, users["township"], users["cadre"]):
        with pytest.raises(NotAllowed):
            case_release(case=case, by=user)
        with pytest.raises(NotAllowed):
            case_confirm_spam(case=case, by=user)
    assert Case.objects.get(pk=case.pk).state == State.QUARANTINED


def test_a_case_that_is_not_quarantined_cannot_be_released(users, monday):
    with pytest.raises(IllegalTransition):
        case_release(case=submit(users), by=users["dispatcher"])


def test_open311_lists_no_quarantined_request_and_never_shows_its_text(client, users, monday):
    held, shown = spam_case(users), submit(users)
    services.case_dispatch(case=shown, by=users["dispatcher"])
    listed = client.get("/open311/v2/requests.json", {"status": "open,closed"}).json()
    assert [row["service_request_id"] for row in listed] == [shown.number]
    by_number = client.get("/open311/v2/requests.json", {"service_request_id": held.number})
    assert by_number.json()[0]["description"] is None
