"""The resident's signed links from our text messages, and stopping the text messages.

A link opens its own case in the portal as if the number and phone digits had been typed;
it opens no other case, and a rating through it works once per answer.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

from jiceng.cases import services
from jiceng.cases.models import Case, Rating, RatingSource, State
from jiceng.core import clock
from jiceng.notices import outbox
from jiceng.notices.models import Message, OptOut, OptOutSource, Status
from jiceng.people.models import User

from factories import accepted, resolved, submit

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
SATISFIED = {"solved": "yes", "satisfaction": "satisfied", "comment": "谢谢"}


def _link(template: str, case: Case) -> str:
    """The path of the link that ``template``'s message to the resident of ``case`` carries."""
    message = Message.objects.get(template=template, case=case)
    return urlsplit(outbox.wording(message)["link"]).path


def _open(client: Client, path: str) -> str:
    return client.get(path, follow=True, **EN).content.decode()


def test_the_rating_link_of_the_resolved_message_opens_the_form_and_rates_end_to_end(
    users: dict[str, User], monday: datetime
) -> None:
    case = resolved(users)
    phone = Client()  # the resident's phone: nothing typed, nothing remembered before
    response = phone.get(_link("case_resolved", case))
    assert response.status_code == 302
    assert response["Location"] == f"/follow/?number={case.number}#rate"
    page = _open(phone, response["Location"])
    assert f"Request {case.number}" in page and "已更换路灯灯泡" in page
    assert 'action="/follow/rate/"' in page and 'name="satisfaction"' in page
    rated = phone.post("/follow/rate/", {"number": case.number, **SATISFIED}, follow=True, **EN)
    assert "Thank you for your rating. Your request is now closed." in rated.content.decode()
    rating = Rating.objects.get(case=case)
    assert (rating.source, rating.satisfaction, rating.event.actor) == (
        RatingSource.LINK,
        "satisfied",
        None,
    )
    assert Case.objects.get(pk=case.pk).state == State.CLOSED


def test_the_follow_link_of_the_received_message_opens_the_case_without_a_rating_form(
    users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    page = _open(Client(), _link("case_received", case))
    assert f"Request {case.number}" in page and "天竺社区居委会 is working on it." in page
    assert 'name="satisfaction"' not in page and 'name="last4"' not in page


@pytest.mark.parametrize("change", ["flip", "cut", "garbage"])
def test_a_tampered_link_is_not_found(
    users: dict[str, User], monday: datetime, change: str
) -> None:
    case = resolved(users)
    path = _link("case_resolved", case)
    token = path.split("/")[2]
    bad = {
        "flip": token[:-1] + ("A" if token[-1] != "A" else "B"),
        "cut": token.rsplit(":", 1)[0],
        "garbage": "nothing-of-ours",
    }[change]
    phone = Client()
    assert phone.get(f"/r/{bad}/").status_code == 404
    assert case.number not in phone.get("/follow/", **EN).content.decode()


def test_a_link_naming_another_case_with_the_signature_of_the_first_is_not_found(
    users: dict[str, User], monday: datetime
) -> None:
    first, second = resolved(users), resolved(users)
    signature = _link("case_resolved", first).split("/")[2].rsplit(":", 1)[1]
    other_value = _link("case_resolved", second).split("/")[2].rsplit(":", 1)[0]
    assert Client().get(f"/r/{other_value}:{signature}/").status_code == 404


def test_an_expired_link_opens_the_follow_form_with_a_clear_message(
    users: dict[str, User], monday: datetime
) -> None:
    case = resolved(users)
    path = _link("case_resolved", case)
    later = monday + timedelta(days=settings.JICENG_RATING_WINDOW_DAYS, minutes=1)
    phone = Client()
    with clock.frozen_at(later):
        response = phone.get(path, follow=True, **EN)
    page = response.content.decode()
    assert response.redirect_chain == [("/follow/", 302)]
    assert "This link has expired." in page and 'name="last4"' in page
    assert "已更换路灯灯泡" not in page and f"Request {case.number}" not in page


def test_a_link_for_one_case_never_opens_another(users: dict[str, User], monday: datetime) -> None:
    mine, theirs = resolved(users), resolved(users, description="邻居家的下水道堵了")
    phone = Client()
    _open(phone, _link("case_resolved", mine))
    page = phone.get(f"/follow/?number={theirs.number}", **EN).content.decode()
    assert "邻居家的下水道堵了" not in page and 'name="last4"' in page
    phone.post("/follow/rate/", {"number": theirs.number, **SATISFIED})
    phone.post("/follow/texts/", {"number": theirs.number, "texts": "stop"})
    assert not Rating.objects.filter(case=theirs).exists()
    assert not OptOut.objects.exists()


def test_a_link_does_not_let_its_holder_rate_twice_and_the_page_says_so(
    users: dict[str, User], monday: datetime
) -> None:
    case = resolved(users)
    path = _link("case_resolved", case)
    phone = Client()
    _open(phone, path)
    phone.post("/follow/rate/", {"number": case.number, **SATISFIED})
    again = _open(phone, path)  # the same SMS tapped again
    assert 'name="satisfaction"' not in again
    assert "You rated this answer on" in again and "Each answer is rated once" in again
    resent = phone.post("/follow/rate/", {"number": case.number, **SATISFIED}, follow=True, **EN)
    assert "You have already rated this answer" in resent.content.decode()
    assert Rating.objects.filter(case=case).count() == 1


# --- stopping text messages --------------------------------------------------------------------


def test_stop_text_messages_and_the_next_drain_cancels_the_sms_as_opted_out(
    users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    outbox.drain()  # what was already due went out
    phone = Client()
    page = _open(phone, _link("case_received", case))
    assert "Stop text messages" in page and 'name="texts" value="stop"' in page
    stopped = phone.post("/follow/texts/", {"number": case.number, "texts": "stop"}, follow=True)
    assert "We will not send text messages to your phone any more." in stopped.content.decode()
    assert case.resident is not None
    opt_out = OptOut.objects.get()
    assert (opt_out.phone_index, opt_out.source) == (case.resident.phone_index, OptOutSource.LINK)
    services.case_reply(case=case, by=users["cadre"], reply="下周施工。")
    outbox.drain()
    progress = Message.objects.get(template="case_progress")
    assert (progress.status, progress.error) == (Status.CANCELLED, "opted out")


def test_text_messages_can_be_turned_back_on_from_the_same_page(
    users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    phone = Client()
    _open(phone, _link("case_received", case))
    phone.post("/follow/texts/", {"number": case.number, "texts": "stop"})
    phone.post("/follow/texts/", {"number": case.number, "texts": "stop"})  # twice: still one
    page = phone.get(f"/follow/?number={case.number}", **EN).content.decode()
    assert OptOut.objects.count() == 1
    assert 'name="texts" value="resume"' in page and "Send me text messages again" in page
    resumed = phone.post("/follow/texts/", {"number": case.number, "texts": "resume"}, follow=True)
    assert "We will send you text messages about your requests again." in resumed.content.decode()
    assert not OptOut.objects.exists()
    services.case_reply(case=case, by=users["cadre"], reply="下周施工。")
    outbox.drain()
    assert Message.objects.get(template="case_progress").status == Status.DELIVERED


def test_stopping_text_messages_needs_the_case_opened_in_this_browser(
    users: dict[str, User], monday: datetime
) -> None:
    case = submit(users)
    stranger = Client()
    response = stranger.post("/follow/texts/", {"number": case.number, "texts": "stop"})
    assert response.status_code == 302 and response["Location"] == f"/follow/?number={case.number}"
    page = stranger.get(response["Location"], **EN).content.decode()
    assert "Enter your case number and phone digits first." in page
    assert not OptOut.objects.exists()


def test_stopping_text_messages_requires_the_csrf_token(
    users: dict[str, User], monday: datetime
) -> None:
    case = submit(users)
    strict = Client(enforce_csrf_checks=True)
    strict.get(_link("case_received", case))
    response = strict.post("/follow/texts/", {"number": case.number, "texts": "stop"})
    assert response.status_code == 403 and not OptOut.objects.exists()
