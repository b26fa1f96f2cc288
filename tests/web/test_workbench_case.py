"""The case page: what it shows, the actions the user may take now, revealing the phone, scope."""

from datetime import timedelta

import pytest
from django.test import Client

from jiceng.cases import services
from jiceng.cases.models import Case, CaseEvent, EventKind, Rating, State
from jiceng.core import clock
from jiceng.people.models import AccessLog

from factories import BAISHU, JIANGDONG, accepted, dispatched, resolved, submit

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "case-main", **EN}


def _as(client, users, who):
    client.force_login(users[who])
    return client


def _page(client, users, who, case):
    return _as(client, users, who).get(f"/workbench/cases/{case.number}/", **EN)


def _post(client, case, action, data=None, **headers):
    return client.post(f"/workbench/cases/{case.number}/{action}/", data or {}, **headers)


def _fresh(case):
    return Case.objects.get(pk=case.pk)


def _last_event(case):
    return CaseEvent.objects.filter(case=case).order_by("-seq").first()


# --- what the page shows ------------------------------------------------------------------


def test_case_page_shows_the_request_its_place_deadlines_and_masked_resident(client, users, monday):
    case = dispatched(users, address="天竺路 8 号", title="路灯坏了")
    page = _page(client, users, "cadre", case).content.decode()
    for text in [
        case.number,
        "路灯坏了",
        "村口的路灯坏了三个星期",
        "天竺社区居委会",
        "枫桥镇",
        "天竺路 **",
        "Web",
        "Normal",
        "dispatched",
        "Respond by",
        "Resolve by",
        "138****5678",
        "王**",
    ]:
        assert text in page, text
    assert "13812345678" not in page and "王小明" not in page
    assert "8 号" not in page  # the house number waits for the logged reveal


def test_timeline_lists_every_event_with_actor_and_unit_including_internal_notes(
    client, users, monday
):
    users["township"].first_name = "李镇长"
    users["township"].save()
    case = accepted(users)
    services.case_note(case=case, by=users["township"], note="请村里今天联系群众")
    page = _page(client, users, "cadre", case).content.decode()
    for text in ["Submitted", "Dispatched", "天竺社区居委会", "Accepted", "Internal note"]:
        assert text in page, text
    assert "请村里今天联系群众" in page and "李镇长" in page and "枫桥镇人民政府" in page


def test_description_and_notes_are_escaped(client, users, monday):
    case = dispatched(users, description="<script>alert(1)</script> 路灯")
    services.case_note(case=case, by=users["cadre"], note="<script>alert(2)</script>")
    page = _page(client, users, "cadre", case).content.decode()
    assert "<script>alert(1)</script>" not in page and "<script>alert(2)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page


def test_overdue_case_is_marked(client, users, monday):
    case = accepted(users)
    with clock.frozen_at(monday + timedelta(days=20)):
        page = _page(client, users, "cadre", case).content.decode()
    assert '<span class="badge overdue">Overdue</span>' in page and "overdue" in page


# --- scope --------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["neighbour_cadre", "outsider", "outsider_cadre", "resident"])
def test_people_outside_the_case_jurisdiction_get_nothing(client, users, monday, who):
    case = dispatched(users, description="只给天竺看的诉求")
    response = _page(client, users, who, case)
    assert response.status_code in (403, 404)
    body = response.content.decode()
    assert "只给天竺看的诉求" not in body and "138****5678" not in body


@pytest.mark.parametrize("action", ["accept", "note", "reveal", "merge", "dispatch"])
def test_outsiders_cannot_post_to_a_case_either(client, users, monday, action):
    case = dispatched(users)
    response = _post(_as(client, users, "outsider_cadre"), case, action, {"note-note": "x"})
    assert response.status_code in (403, 404)
    assert _fresh(case).version == case.version
    assert not AccessLog.objects.exists()


def test_unknown_case_number_is_not_found(client, users, monday):
    assert _as(client, users, "cadre").get("/workbench/cases/999999999999/").status_code == 404


def test_actions_are_refused_after_a_get(client, users, monday):
    case = dispatched(users)
    response = _as(client, users, "cadre").get(f"/workbench/cases/{case.number}/accept/")
    assert response.status_code == 405 and _fresh(case).state == State.DISPATCHED


# --- actions offered and refused --------------------------------------------------------------


def test_owner_sees_accept_escalate_return_merge_and_note(client, users, monday):
    page = _page(client, users, "cadre", dispatched(users)).content.decode()
    for action in ["accept", "escalate", "return", "merge", "note"]:
        assert f"/{action}/" in page, action
    for action in ["resolve", "dispatch", "rate", "reopen"]:
        assert f"/{action}/" not in page, action


def test_supervising_township_sees_only_the_note_form(client, users, monday):
    case = dispatched(users)
    page = _page(client, users, "township", case).content.decode()
    assert f"/workbench/cases/{case.number}/note/" in page
    assert f"/workbench/cases/{case.number}/accept/" not in page
    assert "Show phone" not in page


@pytest.mark.parametrize(
    ("who", "action", "data"),
    [
        ("township", "accept", {}),
        ("neighbour_cadre", "accept", {}),
        ("cadre", "dispatch", {}),
        ("cadre", "rate", {"rate-solved": "yes", "rate-satisfaction": "satisfied"}),
        ("dispatcher", "resolve", {"resolve-answer": "已处理"}),
        ("township", "escalate", {"escalate-reason": "x"}),
    ],
)
def test_actions_not_offered_are_refused_when_posted(client, users, monday, who, action, data):
    case = dispatched(users)
    response = _post(_as(client, users, who), case, action, data)
    assert response.status_code in (403, 404)
    assert _fresh(case).version == case.version


def test_an_action_the_state_no_longer_allows_asks_to_reload(client, users, monday):
    case = accepted(users)
    response = _post(_as(client, users, "cadre"), case, "accept", **EN)
    assert response.status_code == 302
    page = client.get(response["Location"], **EN).content.decode()
    assert "The case is now accepted; that is no longer possible." in page
    assert _fresh(case).version == case.version


def test_a_stale_action_over_htmx_redraws_the_case_as_it_is(client, users, monday):
    case = accepted(users)
    response = _post(_as(client, users, "cadre"), case, "accept", **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and 'role="alert" data-focus' in body
    assert "Reload the page" in body and "/resolve/" in body


def test_unknown_action_is_not_found(client, users, monday):
    case = dispatched(users)
    assert _post(_as(client, users, "cadre"), case, "delete").status_code == 404


def test_actions_require_the_csrf_token(users, monday):
    case = dispatched(users)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["cadre"])
    response = _post(strict, case, "accept")
    assert response.status_code == 403 and _fresh(case).state == State.DISPATCHED


# --- each action through the web ------------------------------------------------------------


def test_accept_without_javascript_redirects_with_a_message(client, users, monday):
    case = dispatched(users)
    response = _post(_as(client, users, "cadre"), case, "accept", **EN)
    assert (
        response.status_code == 302 and response["Location"] == f"/workbench/cases/{case.number}/"
    )
    assert _fresh(case).state == State.ACCEPTED
    assert _last_event(case).kind == EventKind.ACCEPT
    assert "Accepted" in client.get(response["Location"], **EN).content.decode()


def test_accept_over_htmx_swaps_the_panel_with_a_focused_confirmation(client, users, monday):
    case = dispatched(users)
    response = _post(_as(client, users, "cadre"), case, "accept", **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert '<p class="flash" role="status" data-focus>Accepted</p>' in body
    assert '<span class="badge state-accepted">Accepted</span>' in body
    assert "/resolve/" in body and _fresh(case).state == State.ACCEPTED


def test_resolve_with_an_answer(client, users, monday):
    case = accepted(users)
    response = _post(
        _as(client, users, "cadre"), case, "resolve", {"resolve-answer": "已更换灯泡"}, **HTMX
    )
    assert _fresh(case).state == State.RESOLVED and _fresh(case).answer == "已更换灯泡"
    assert "state-resolved" in response.content.decode()
    assert "已更换灯泡" in response.content.decode()


def test_resolve_without_an_answer_says_so_beside_the_field(client, users, monday):
    case = accepted(users)
    response = _post(_as(client, users, "cadre"), case, "resolve", {"resolve-answer": "  "}, **EN)
    body = response.content.decode()
    assert response.status_code == 400
    assert 'class="field-error" id="id_resolve-answer-error"' in body
    assert 'aria-describedby="id_resolve-answer_helptext id_resolve-answer-error"' in body
    assert _fresh(case).state == State.ACCEPTED


def test_an_invalid_htmx_action_keeps_the_typed_text_and_the_form_open(client, users, monday):
    case = dispatched(users)
    long_reason = "太长" * 600
    response = _post(
        _as(client, users, "cadre"), case, "return", {"return-reason": long_reason}, **HTMX
    )
    body = response.content.decode()
    assert response.status_code == 200 and "id_return-reason-error" in body
    assert long_reason in body and _fresh(case).state == State.DISPATCHED


def test_escalate_with_a_reason(client, users, org, monday):
    case = accepted(users)
    response = _post(
        _as(client, users, "cadre"), case, "escalate", {"escalate-reason": "需要镇里协调"}, **HTMX
    )
    assert _fresh(case).owner == org["fengqiao"]
    assert _last_event(case).note == "需要镇里协调"
    assert "Escalated to 枫桥镇人民政府" in response.content.decode()


def test_return_as_misrouted(client, users, org, monday):
    case = dispatched(users)
    _post(_as(client, users, "cadre"), case, "return", {"return-reason": "不归本村管"})
    assert (_fresh(case).state, _fresh(case).owner) == (State.SUBMITTED, org["centre"])
    assert _last_event(case).kind == EventKind.RETURN


def test_merge_into_another_case_by_number(client, users, monday):
    keeper, duplicate = dispatched(users), dispatched(users)
    response = _post(
        _as(client, users, "cadre"), duplicate, "merge", {"merge-into": keeper.number}, **HTMX
    )
    assert _fresh(duplicate).state == State.MERGED and _fresh(duplicate).merged_into == keeper
    assert f"Merged into case {keeper.number}" in response.content.decode()


def test_merge_into_a_case_outside_the_area_is_explained(client, users, monday):
    duplicate = dispatched(users)
    elsewhere = dispatched(users, village=JIANGDONG)
    response = _post(
        _as(client, users, "cadre"), duplicate, "merge", {"merge-into": elsewhere.number}, **EN
    )
    assert response.status_code == 400
    assert "No case with that number in your area." in response.content.decode()
    assert _fresh(duplicate).state == State.DISPATCHED


def test_add_an_internal_note(client, users, monday):
    case = dispatched(users)
    response = _post(
        _as(client, users, "township"), case, "note", {"note-note": "明天去现场"}, **HTMX
    )
    assert _last_event(case).kind == EventKind.NOTE and _last_event(case).note == "明天去现场"
    body = response.content.decode()
    assert "Note added" in body and "明天去现场" in body


def test_dispatch_preselects_the_catalogues_proposal(client, users, monday):
    case = submit(users)
    page = _page(client, users, "dispatcher", case).content.decode()
    assert '<option value="">As proposed: 天竺社区居委会</option>' in page
    response = _post(client, case, "dispatch", {"dispatch-unit": ""}, **HTMX)
    assert _fresh(case).state == State.DISPATCHED and _last_event(case).data == {"proposed": True}
    assert "Dispatched to 天竺社区居委会" in response.content.decode()


def test_dispatch_to_another_unit_of_the_county(client, users, org, monday):
    case = submit(users)
    _post(_as(client, users, "dispatcher"), case, "dispatch", {"dispatch-unit": org["baishu"].pk})
    assert _fresh(case).owner == org["baishu"] and _last_event(case).data == {"proposed": False}


def test_dispatch_to_a_unit_outside_the_list_is_refused_beside_the_field(
    client, users, org, monday
):
    case = submit(users)
    response = _post(
        _as(client, users, "dispatcher"),
        case,
        "dispatch",
        {"dispatch-unit": org["centre"].pk},
        **EN,
    )
    assert (
        response.status_code == 400 and "Choose a unit from the list." in response.content.decode()
    )
    assert _fresh(case).state == State.SUBMITTED


def test_dispatcher_enters_a_call_back_rating(client, users, monday):
    case = resolved(users)
    data = {"rate-solved": "yes", "rate-satisfaction": "basically", "rate-comment": "还行"}
    response = _post(_as(client, users, "dispatcher"), case, "rate", data, **HTMX)
    rating = Rating.objects.get(case=case)
    assert (rating.solved, rating.satisfaction, rating.source) == (True, "basically", "callback")
    assert _fresh(case).state == State.CLOSED
    assert "Call-back rating saved" in response.content.decode()


def test_an_unsatisfied_call_back_reopens_the_case(client, users, monday):
    case = resolved(users)
    data = {"rate-solved": "no", "rate-satisfaction": "unsatisfied", "rate-comment": "灯还是不亮"}
    _post(_as(client, users, "dispatcher"), case, "rate", data)
    assert _fresh(case).state == State.DISPATCHED and _fresh(case).reopen_count == 1


def test_dispatcher_reopens_with_a_reason(client, users, monday):
    case = resolved(users)
    services.case_rate(case=case, solved=True, satisfaction="satisfied")
    response = _post(
        _as(client, users, "dispatcher"),
        case,
        "reopen",
        {"reopen-reason": "群众来电说又坏了"},
        **HTMX,
    )
    assert _fresh(case).state == State.DISPATCHED
    assert "Reopened" in response.content.decode()


# --- revealing the phone ----------------------------------------------------------------------


def test_owner_reveals_the_phone_for_a_reason_and_it_is_logged(client, users, monday):
    case = dispatched(users)
    _as(client, users, "cadre")
    assert "Show phone" in client.get(f"/workbench/cases/{case.number}/", **EN).content.decode()
    response = _post(client, case, "reveal", {"reveal-reason": "call"}, **HTMX)
    body = response.content.decode()
    assert '<a href="tel:13812345678" data-focus>13812345678</a>' in body
    log = AccessLog.objects.get(field="phone")
    assert (log.user, log.field, log.case_id, log.reason) == (
        users["cadre"],
        "phone",
        case.pk,
        "Call the resident",
    )


def test_reveal_without_javascript_shows_the_case_page_with_the_phone(client, users, monday):
    case = dispatched(users)
    data = {"reveal-reason": "other", "reveal-other": "核实地址"}
    response = _post(_as(client, users, "cadre"), case, "reveal", data, **EN)
    assert response.status_code == 200 and "13812345678" in response.content.decode()
    assert AccessLog.objects.get(field="phone").reason == "核实地址"


def test_reveal_for_another_reason_needs_the_reason(client, users, monday):
    case = dispatched(users)
    response = _post(_as(client, users, "cadre"), case, "reveal", {"reveal-reason": "other"}, **EN)
    body = response.content.decode()
    assert response.status_code == 400 and "Say why you need the phone number." in body
    assert "13812345678" not in body and not AccessLog.objects.exists()


@pytest.mark.parametrize("who", ["township", "dispatcher", "grid_worker_of_baishu"])
def test_only_the_owning_unit_can_reveal(client, users, org, monday, who):
    case = dispatched(users)
    if who == "grid_worker_of_baishu":
        case = dispatched(users, village=BAISHU)
        who = "cadre"
    response = _post(_as(client, users, who), case, "reveal", {"reveal-reason": "call"})
    assert response.status_code in (403, 404)
    assert "13812345678" not in response.content.decode() and not AccessLog.objects.exists()


# --- speed --------------------------------------------------------------------------------


@pytest.mark.parametrize("notes", [0, 10])
def test_case_page_query_count_does_not_grow_with_events(
    client, users, monday, notes, django_assert_num_queries
):
    case = accepted(users)
    for index in range(notes):
        services.case_note(case=case, by=users["township" if index % 2 else "cadre"], note="跟进")
    client.force_login(users["cadre"])
    # session, user, unit, case with relations, events, photos, messages, the inbox badge
    # 9 = 8 + the household registry lookup behind the priority mark (cases.households).
    with django_assert_num_queries(9):
        response = client.get(f"/workbench/cases/{case.number}/")
    assert response.status_code == 200 and len(response.context["entries"]) == 3 + notes


@pytest.mark.parametrize("extra", [0, 5])
def test_dispatcher_case_page_query_count_is_constant(
    client, users, monday, extra, django_assert_num_queries
):
    case = submit(users)
    for _ in range(extra):
        services.case_note(case=case, by=users["dispatcher"], note="来电补充")
    client.force_login(users["dispatcher"])
    # ... proposal (rule, division, unit), the unit list and the household registry lookup
    with django_assert_num_queries(12):
        response = client.get(f"/workbench/cases/{case.number}/")
    assert response.status_code == 200 and "dispatch" in response.context["actions"]


# --- a reopened case (重办) --------------------------------------------------------------------

OLD_ANSWER = "已更换路灯灯泡，当晚恢复照明。"  # what factories.resolved answers


def _unsatisfied(case, comment="灯还是不亮，晚上照样黑"):
    services.case_rate(case=case, solved=False, satisfaction="unsatisfied", comment=comment)
    return case


def _panel(page):
    start = page.index('<section class="card reopened-panel"')
    return page[start : page.index("</section>", start)]


def test_a_reopened_case_shows_the_residents_reason_above_the_actions(client, users, monday):
    case = _unsatisfied(resolved(users))
    page = _page(client, users, "cadre", case).content.decode()
    assert "Reopened: the resident's reason" in page
    assert page.index("灯还是不亮，晚上照样黑") < page.index('aria-labelledby="h-actions"')
    assert page.index("reopened-panel") < page.index(f"/workbench/cases/{case.number}/accept/")
    assert page.index("reopened-panel") < page.index('aria-labelledby="h-request"')


def test_the_panel_says_who_reopened_it_when_and_the_rating(client, users, monday):
    case = _unsatisfied(resolved(users))
    panel = _panel(_page(client, users, "cadre", case).content.decode())
    assert "The resident&#x27;s rating" in panel
    assert f'<time datetime="{monday.isoformat()}">2026-03-02 09:00</time>' in panel
    assert "not solved · Unsatisfied" in panel


def test_the_previous_answer_is_labelled_with_its_unit_and_time(client, users, monday):
    case = _unsatisfied(resolved(users))
    page = _page(client, users, "cadre", case).content.decode()
    panel = _panel(page)
    assert "<h3>Previous answer</h3>" in panel and OLD_ANSWER in panel
    assert "Given by 天竺社区居委会 on 2026-03-02 09:00" in panel
    assert "This reopening needs a new answer." in panel


def test_the_old_answer_is_not_shown_as_the_current_one_while_reopened(client, users, monday):
    case = _unsatisfied(resolved(users))
    assert _fresh(case).answer == OLD_ANSWER  # the field still holds it: the page must not
    page = _page(client, users, "cadre", case).content.decode()
    assert "Answer to the resident" not in page
    assert page.count(OLD_ANSWER) == 2  # the panel's previous answer and the history


def test_after_a_new_answer_the_previous_one_stays_labelled_as_previous(client, users, monday):
    case = _unsatisfied(resolved(users))
    services.case_accept(case=case, by=users["cadre"])
    services.case_resolve(case=case, by=users["cadre"], answer="换了整套灯具")
    page = _page(client, users, "cadre", case).content.decode()
    current = page[page.index('aria-labelledby="h-answer"') :]
    assert "换了整套灯具" in current[: current.index("</section>")]
    panel = _panel(page)
    assert OLD_ANSWER in panel and "换了整套灯具" not in panel
    assert "This reopening needs a new answer." not in panel


def test_a_dispatcher_reopening_names_the_dispatcher_and_their_reason(client, users, org, monday):
    users["dispatcher"].first_name = "周受理"
    users["dispatcher"].save()
    case = resolved(users)
    services.case_rate(case=case, solved=True, satisfaction="satisfied")
    services.case_reopen(case=case, by=users["dispatcher"], reason="群众来电说又坏了")
    panel = _panel(_page(client, users, "cadre", case).content.decode())
    assert "Reopened: the reason given" in panel and "群众来电说又坏了" in panel
    assert "Reopened by staff · 周受理 · " + org["centre"].name in panel
    assert "Unsatisfied" not in panel and OLD_ANSWER in panel


def test_an_unsatisfied_call_back_is_shown_as_the_dispatchers_call_back(client, users, monday):
    case = resolved(users)
    dispatcher = users["dispatcher"]
    services.case_rate(
        case=case, solved=True, satisfaction="unsatisfied", comment="态度不好", by=dispatcher
    )
    panel = _panel(_page(client, users, "cadre", case).content.decode())
    assert "A dispatcher&#x27;s call-back" in panel and "态度不好" in panel
    assert "solved · Unsatisfied" in panel


def test_a_rating_without_a_comment_still_gives_a_reason(client, users, monday):
    case = _unsatisfied(resolved(users), comment="")
    panel = _panel(_page(client, users, "cadre", case).content.decode())
    assert "The resident was not satisfied." in panel


def test_a_second_reopening_shows_the_latest_reason_and_answer(client, users, org, monday):
    case = _unsatisfied(resolved(users))
    services.case_accept(case=case, by=users["cadre"])
    services.case_resolve(case=case, by=users["cadre"], answer="第二次答复")
    _unsatisfied(case, comment="第二次还是没修好")
    page = _page(client, users, "township", case).content.decode()
    panel = _panel(page)
    assert "第二次还是没修好" in panel and "灯还是不亮" not in panel
    assert "第二次答复" in panel and OLD_ANSWER not in panel
    assert '<span aria-hidden="true">Reopened ×2</span>' in page


def test_a_fresh_case_has_no_reopened_panel_or_mark(client, users, monday):
    page = _page(client, users, "cadre", accepted(users)).content.decode()
    assert "reopened-panel" not in page and "badge reopened" not in page
    assert "Previous answer" not in page


def test_the_reason_is_shown_as_text_not_markup(client, users, monday):
    case = _unsatisfied(resolved(users), comment="<script>alert(3)</script>")
    page = _page(client, users, "cadre", case).content.decode()
    assert "<script>alert(3)</script>" not in page
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in _panel(page)


@pytest.mark.parametrize("who", ["neighbour_cadre", "outsider", "outsider_cadre", "resident"])
def test_outsiders_see_neither_the_reason_nor_the_previous_answer(client, users, monday, who):
    case = _unsatisfied(resolved(users), comment="只给天竺看的理由")
    response = _page(client, users, who, case)
    body = response.content.decode()
    assert response.status_code in (403, 404)
    assert "只给天竺看的理由" not in body and OLD_ANSWER not in body


def test_the_panel_in_chinese(client, users, monday, chinese):
    case = _unsatisfied(resolved(users))
    client.force_login(users["cadre"])
    page = client.get(f"/workbench/cases/{case.number}/").content.decode()
    panel = _panel(page)
    assert "重办：群众反映的理由" in panel and "上次答复" in panel and "群众评价" in panel
    assert '<span aria-hidden="true">重办</span>' in page


def test_the_panel_comes_back_with_the_htmx_redraw(client, users, monday):
    case = _unsatisfied(resolved(users))
    response = _post(_as(client, users, "cadre"), case, "accept", **HTMX)
    body = response.content.decode()
    assert "<html" not in body and "灯还是不亮" in _panel(body)
    assert body.index("reopened-panel") < body.index('aria-labelledby="h-actions"')


@pytest.mark.parametrize("notes", [0, 10])
def test_reopened_case_page_query_count_is_that_of_any_case(
    client, users, monday, notes, django_assert_num_queries
):
    case = _unsatisfied(resolved(users))
    for _ in range(notes):
        services.case_note(case=case, by=users["township"], note="跟进")
    client.force_login(users["cadre"])
    # session, user, unit, case with relations, events, photos, messages, the inbox badge
    with django_assert_num_queries(9):  # as any case, with the household registry lookup
        response = client.get(f"/workbench/cases/{case.number}/")
    assert response.context["reopening"].previous.text == OLD_ANSWER


def test_the_history_credits_the_reopening_to_the_resident_who_rated_it(client, users, monday):
    case = _unsatisfied(resolved(users))
    entries = _page(client, users, "cadre", case).context["entries"]
    rate, reopen = entries[-2:]
    assert (rate.event.kind, reopen.event.kind) == (EventKind.RATE, EventKind.REOPEN)
    assert rate.actor == reopen.actor == "The resident"


def test_dispatcher_enters_a_merged_residents_call_back_rating(client, users, org, monday):
    from jiceng.cases import services

    survivor = resolved(users)
    duplicate = submit(users, contact_phone="13900002222")
    services.case_merge(case=duplicate, into=_fresh(survivor), by=users["dispatcher"])
    # The merge was of a case already resolved: its resident may judge the work at once.
    data = {"rate-solved": "yes", "rate-satisfaction": "satisfied", "rate-comment": ""}
    response = _post(_as(client, users, "dispatcher"), duplicate, "rate", data, **HTMX)
    rating = Rating.objects.get(case=duplicate)
    assert (rating.unit_id, rating.source) == (org["tianzhu"].pk, "callback")
    assert _fresh(duplicate).state == State.MERGED
    assert "merged request" in response.content.decode()


# --- personal data typed into the request -------------------------------------------------

TYPED = "我叫李秀英，电话13987654321，身份证330681199001011234，门口路灯坏了"


def test_phone_id_and_name_typed_into_the_request_are_masked_on_the_case_page(
    client, users, monday
):
    case = dispatched(users, description=TYPED, address="新街村3栋2单元501室")
    page = _page(client, users, "cadre", case).content.decode()
    for secret in ("13987654321", "330681199001011234", "李秀英", "501室"):
        assert secret not in page, secret
    for masked in ("139****4321", "3306**********1234", "我叫李**", "新街村**", "门口路灯坏了"):
        assert masked in page, masked


def test_the_owners_reveal_shows_the_request_as_typed_and_logs_it(client, users, monday):
    case = dispatched(users, description=TYPED, address="新街村3栋2单元501室")
    _as(client, users, "cadre")
    response = _post(client, case, "reveal", {"reveal-reason": "call"}, **HTMX)
    body = response.content.decode()
    assert 'id="case-description" hx-swap-oob="true"' in body
    assert TYPED in body and "新街村3栋2单元501室" in body
    log = AccessLog.objects.get(field="case_text")
    assert (log.user, log.case_id, log.reason) == (users["cadre"], case.pk, "Call the resident")
    page = _post(client, case, "reveal", {"reveal-reason": "call"}, **EN).content.decode()
    assert TYPED in page and AccessLog.objects.filter(field="case_text").count() == 2


@pytest.mark.parametrize("who", ["township", "dispatcher"])
def test_others_see_the_request_masked_and_cannot_reveal_it(client, users, monday, who):
    case = dispatched(users, description=TYPED)
    page = _page(client, users, who, case).content.decode()
    assert "13987654321" not in page and "139****4321" in page
    response = _post(client, case, "reveal", {"reveal-reason": "call"}, **EN)
    assert response.status_code in (403, 404) and "13987654321" not in response.content.decode()
    assert not AccessLog.objects.exists()
