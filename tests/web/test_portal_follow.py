"""Following a case with its number and phone digits, its public timeline, and rating it."""

from __future__ import annotations

import pytest
from django.test import Client

from jiceng.cases import services
from jiceng.cases.models import Rating, RatingSource, Satisfaction, State

from factories import accepted, dispatched, resolved, submit

pytestmark = pytest.mark.django_db

PHONE = "13812345678"
NAME = "王小明"


def follow(client: Client, case, last4: str = "5678", **extra: object):
    return client.post("/follow/", {"number": case.number, "last4": last4}, **extra)


def timeline(client: Client, case) -> str:
    follow(client, case)
    return client.get(f"/follow/?number={case.number}").content.decode()


def test_the_number_and_phone_digits_open_the_case(client, users, monday):
    case = accepted(users)
    response = follow(client, case)
    assert response.status_code == 302 and response["Location"] == f"/follow/?number={case.number}"
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"Request {case.number}" in page
    assert "天竺社区居委会 is working on it." in page
    assert "It should be solved by" in page
    for step in ("Your request was received.", "Sent to 天竺社区居委会.", "took it on."):
        assert step in page


def test_wrong_digits_and_unknown_numbers_get_the_same_message(client, users):
    case = submit(users)
    wrong_digits = follow(client, case, last4="0000").content.decode()
    unknown = client.post("/follow/", {"number": "999999999999", "last4": "5678"}).content.decode()
    message = "We could not find a request with that number and those phone digits."
    assert message in wrong_digits and message in unknown
    assert case.description not in wrong_digits
    assert client.get(f"/follow/?number={case.number}").context["form"] is not None


def test_lookups_are_limited_per_address(client, users, monday):
    case = submit(users)
    for n in range(20):  # other numbers: one number alone would lock itself first
        client.post("/follow/", {"number": f"99999999{n:04d}", "last4": "0000"})
    response = follow(client, case)
    assert response.status_code == 429 and "Too many tries" in response.content.decode()
    assert (
        Client(REMOTE_ADDR="10.2.2.2")
        .post("/follow/", {"number": case.number, "last4": "5678"})
        .status_code
        == 302
    )


def test_the_timeline_shows_escalation_to_the_next_unit_but_not_its_reason(client, users):
    case = accepted(users)
    services.case_escalate(case=case, by=users["cadre"], reason="村里没有维修资金，请镇里协调")
    page = timeline(client, case)
    assert "枫桥镇人民政府" in page and "村里没有维修资金" not in page


def test_the_timeline_never_shows_internal_notes_staff_or_contact_details(client, users):
    users["cadre"].first_name = "李干部"
    users["cadre"].save()
    case = resolved(users, description=f"我是{NAME}，电话{PHONE}，路灯坏了。")
    services.case_note(case=case, by=users["cadre"], note="内部备注：此人多次投诉")
    page = timeline(client, case)
    assert "内部备注" not in page and "李干部" not in page and "cadre" not in page
    assert PHONE not in page and NAME not in page and "小明" not in page
    assert "路灯坏了" in page and "已更换路灯灯泡" in page


def test_a_script_in_the_description_is_shown_escaped(client, users):
    case = submit(users, description="<script>alert(1)</script> 路灯坏了")
    page = timeline(client, case)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_rating_form_appears_only_once_resolved(client, users):
    assert 'action="/follow/rate/"' not in timeline(client, accepted(users))
    page = timeline(client, resolved(users))
    assert 'action="/follow/rate/"' in page and 'name="solved"' in page
    assert page.index('name="solved"') < page.index('name="satisfaction"')


def test_a_satisfied_rating_closes_the_case(client, users, monday):
    case = resolved(users)
    follow(client, case)
    response = client.post(
        "/follow/rate/",
        {"number": case.number, "solved": "yes", "satisfaction": "satisfied", "comment": "谢谢"},
    )
    assert response.status_code == 302
    rating = Rating.objects.get(case=case)
    assert (rating.solved, rating.satisfaction) == (True, Satisfaction.SATISFIED)
    assert rating.source == RatingSource.LINK and rating.event.actor is None
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Thank you for your rating" in page and "Rated: solved, Satisfied." in page
    case.refresh_from_db()
    assert case.state == State.CLOSED


def test_an_unsatisfied_rating_reopens_and_says_who_has_it_now(client, users, monday):
    case = resolved(users)
    follow(client, case)
    response = client.post(
        "/follow/rate/",
        {
            "number": case.number,
            "solved": "no",
            "satisfaction": "unsatisfied",
            "comment": "还是不亮",
        },
    )
    case.refresh_from_db()
    assert case.state == State.DISPATCHED and case.reopen_count == 1
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "your request has been reopened: 天竺社区居委会 has it now" in page
    assert "Reopened. Now with 天竺社区居委会." in page
    assert "Sent to 天竺社区居委会, waiting for them to take it on." in page


def test_rating_without_answers_explains_both_questions(client, users):
    case = resolved(users)
    follow(client, case)
    response = client.post("/follow/rate/", {"number": case.number, "comment": "嗯"})
    page = response.content.decode()
    assert 'id="solved-error"' in page and 'id="satisfaction-error"' in page
    assert ">嗯</textarea>" in page and not Rating.objects.exists()


def test_rating_needs_the_case_opened_in_this_browser(client, users):
    case = resolved(users)
    response = client.post(
        "/follow/rate/", {"number": case.number, "solved": "yes", "satisfaction": "satisfied"}
    )
    assert response.status_code == 302 and not Rating.objects.exists()


def test_rating_twice_is_refused_with_a_message_saying_it_was_already_rated(client, users):
    case = resolved(users)
    follow(client, case)
    answer = {"number": case.number, "solved": "yes", "satisfaction": "satisfied"}
    client.post("/follow/rate/", answer)
    response = client.post("/follow/rate/", answer, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert Rating.objects.count() == 1
    page = response.content.decode()
    assert "You have already rated this answer, and each answer is rated once." in page
    assert 'name="satisfaction"' not in page


def test_follow_and_rate_require_the_csrf_token(users):
    case = resolved(users)
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/follow/", {"number": case.number, "last4": "5678"}).status_code == 403
    rate = {"number": case.number, "solved": "yes", "satisfaction": "satisfied"}
    assert strict.post("/follow/rate/", rate).status_code == 403
    assert not Rating.objects.exists()


def test_staff_of_another_unit_see_no_case_without_the_digits(users):
    case = dispatched(users)
    outsider = Client()
    outsider.force_login(users["outsider"])
    page = outsider.get(f"/follow/?number={case.number}").content.decode()
    assert "路灯坏了" not in page and "Sent to" not in page
    rate = {"number": case.number, "solved": "yes", "satisfaction": "satisfied"}
    outsider.post("/follow/rate/", rate)
    assert not Rating.objects.exists()


# --- a reopened request (重办) -----------------------------------------------------------------


def _status(page: str) -> str:
    start = page.index('<section class="card status')
    return page[start : page.index("</section>", start)]


def test_a_reopened_request_says_at_the_top_it_is_handled_again(client, users, monday):
    case = resolved(users)
    services.case_rate(case=case, solved=False, satisfaction="unsatisfied", comment="还是不亮")
    follow(client, case)
    page = client.get(f"/follow/?number={case.number}", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    status = _status(page)
    assert '<span class="badge reopened">Reopened</span>' in status
    assert "is being handled again by 天竺社区居委会." in status
    assert "Your request was reopened on March 2, 2026, 9 a.m." in status


def test_a_fresh_request_has_no_reopened_notice(client, users, monday):
    page = timeline(client, accepted(users))
    assert "badge reopened" not in page and "handled again" not in page


def test_once_solved_again_the_notice_gives_way_to_the_rating(client, users, monday):
    case = resolved(users)
    services.case_rate(case=case, solved=False, satisfaction="unsatisfied")
    services.case_accept(case=case, by=users["cadre"])
    services.case_resolve(case=case, by=users["cadre"], answer="换了整套灯具")
    page = timeline(client, case)
    assert "handled again" not in _status(page) and 'action="/follow/rate/"' in page
    rate = page[page.index('id="rate"') :]
    assert "换了整套灯具" in rate[: rate.index("</section>")]


def test_a_dispatchers_reason_for_reopening_stays_off_the_public_page(client, users, monday):
    case = resolved(users)
    services.case_rate(case=case, solved=True, satisfaction="satisfied")
    reason = f"{NAME}来电{PHONE}说又坏了，内部核实"
    services.case_reopen(case=case, by=users["dispatcher"], reason=reason)
    page = timeline(client, case)
    assert "handled again" in _status(page)
    assert "内部核实" not in page and PHONE not in page and NAME not in page
    assert "dispatcher" not in page


def test_the_reopened_notice_in_chinese(client, users, monday, chinese):
    case = resolved(users)
    services.case_rate(case=case, solved=False, satisfaction="unsatisfied")
    status = _status(timeline(client, case))
    assert '<span class="badge reopened">重办</span>' in status
    assert "天竺社区居委会正在重新办理。" in status
