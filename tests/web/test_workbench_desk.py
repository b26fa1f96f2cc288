"""The dispatcher's desk: a phone call taken in one form, its partials, and who may use them."""

import pytest
from django.test import Client

from jiceng.cases.models import Case, CaseEvent, Channel, EventKind, Kind, State
from jiceng.places.models import Division, Level

from factories import BAISHU, FENGQIAO, JIANGDONG, JIYANG, TIANZHU

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _call(**overrides):
    data = {
        "category": "transport",
        "description": "村口的桥栏杆断了，孩子上学危险。",
        "township": FENGQIAO,
        "village": TIANZHU,
        "address": "天竺路口",
        "phone": "13900001111",
        "name": "张三",
        "urgency": "normal",
        "mode": "request",
        "answer": "",
        "unit": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def desk(client, users, monday):
    client.force_login(users["dispatcher"])
    return client


def _only_case():
    return Case.objects.select_related("owner").get()


# --- access ----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["cadre", "township", "water", "leader", "resident"])
def test_only_dispatchers_may_use_the_desk(client, users, who):
    client.force_login(users[who])
    assert client.get("/workbench/desk/").status_code == 403
    assert client.post("/workbench/desk/", _call()).status_code == 403
    proposal = client.get(f"/workbench/desk/proposal/?category=transport&village={TIANZHU}")
    assert proposal.status_code == 403 and "天竺" not in proposal.content.decode()
    assert not Case.objects.exists()


def test_anonymous_visitor_is_sent_to_login(client, db):
    response = client.get("/workbench/desk/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_desk_requires_the_csrf_token(users, monday):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["dispatcher"])
    assert strict.post("/workbench/desk/", _call()).status_code == 403
    assert not Case.objects.exists()


# --- the form ----------------------------------------------------------------------------------


def test_desk_offers_category_tiles_townships_and_the_choice_of_handling(desk):
    page = desk.get("/workbench/desk/", **EN).content.decode()
    assert 'type="radio" name="category" value="transport"' in page
    assert f'<option value="{FENGQIAO}">枫桥镇</option>' in page
    assert "Consultation (answer now)" in page and "Request (dispatch)" in page
    assert 'hx-get="/workbench/desk/proposal/"' in page


def test_a_request_is_saved_and_dispatched_to_the_proposed_unit_in_one_go(desk, org):
    response = desk.post("/workbench/desk/", _call(), **EN)
    case = _only_case()
    assert response.status_code == 302 and response["Location"].endswith(f"?taken={case.number}")
    assert (case.kind, case.channel, case.state) == (Kind.REQUEST, Channel.PHONE, State.DISPATCHED)
    assert case.owner == org["tianzhu"] and case.address == "天竺路口"
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == [EventKind.SUBMIT, EventKind.CLASSIFY, EventKind.DISPATCH]
    confirmation = desk.get(response["Location"], **EN).content.decode()
    assert f"Case {case.number} is dispatched to 天竺社区居委会." in confirmation
    assert 'role="status" data-focus' in confirmation


def test_the_dispatcher_can_override_the_catalogue(desk, org):
    desk.post("/workbench/desk/", _call(unit=str(org["fengqiao"].pk)))
    case = _only_case()
    assert case.owner == org["fengqiao"]
    assert CaseEvent.objects.get(case=case, kind=EventKind.DISPATCH).data == {"proposed": False}


def test_a_consultation_is_answered_and_closed_at_once(desk):
    data = _call(
        mode="consultation", answer="请带身份证到社区服务中心办理。", category="social_security"
    )
    response = desk.post("/workbench/desk/", data, **EN)
    case = _only_case()
    assert (case.kind, case.state) == (Kind.CONSULTATION, State.CLOSED)
    assert case.answer == "请带身份证到社区服务中心办理。"
    page = desk.get(response["Location"], **EN).content.decode()
    assert f"Consultation {case.number} is answered and closed." in page


def test_a_consultation_needs_the_answer(desk):
    response = desk.post("/workbench/desk/", _call(mode="consultation"), **EN)
    assert response.status_code == 400
    assert "Write the answer you gave, or choose Request." in response.content.decode()
    assert not Case.objects.exists()


def test_if_dispatch_fails_the_case_waits_in_the_queue_and_the_user_is_told(desk, org):
    org["tianzhu"].active = False
    org["tianzhu"].save()
    response = desk.post("/workbench/desk/", _call(), **EN)
    case = _only_case()
    assert case.state == State.SUBMITTED
    page = desk.get(response["Location"], **EN).content.decode()
    assert f"Case {case.number} is saved but was not dispatched" in page
    assert f"Case {case.number} is saved and waits in your queue for dispatch." in page
    queue = desk.get("/workbench/").content.decode()
    assert f"/workbench/cases/{case.number}/" in queue


def test_a_bad_phone_is_explained_beside_the_field_and_nothing_typed_is_lost(desk, org):
    override = org["fengqiao"].pk
    response = desk.post("/workbench/desk/", _call(phone="12345", unit=str(override)), **EN)
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_phone-error"' in page and "11-digit mobile number" in page
    assert "村口的桥栏杆断了" in page and 'value="12345"' in page and "天竺路口" in page
    assert f'<option value="{TIANZHU}" selected>' in page
    assert f'<option value="{override}" selected>' in page
    assert not Case.objects.exists()


def test_missing_category_and_village_are_explained(desk):
    response = desk.post("/workbench/desk/", _call(category="", village=""), **EN)
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_category-error"' in page and 'id="id_village-error"' in page


def test_a_village_outside_the_county_is_refused(desk, places):
    Division.objects.create(code="330682", name="上虞区", level=Level.COUNTY, parent_id="3306")
    Division.objects.create(
        code="330682001", name="百官街道", level=Level.TOWNSHIP, parent_id="330682"
    )
    Division.objects.create(
        code="330682001001", name="外县社区", level=Level.VILLAGE, parent_id="330682001"
    )
    response = desk.post("/workbench/desk/", _call(township="", village="330682001001"), **EN)
    assert response.status_code == 400
    assert "Choose a village or community of your county." in response.content.decode()
    assert not Case.objects.exists()


def test_proposal_for_a_village_of_another_county_names_no_unit(desk, places):
    Division.objects.create(code="330682", name="上虞区", level=Level.COUNTY, parent_id="3306")
    Division.objects.create(
        code="330682001", name="百官街道", level=Level.TOWNSHIP, parent_id="330682"
    )
    Division.objects.create(
        code="330682001001", name="外县社区", level=Level.VILLAGE, parent_id="330682001"
    )
    page = desk.get("/workbench/desk/proposal/?category=transport&village=330682001001", **EN)
    assert "As proposed" not in page.content.decode() and "外县社区" not in page.content.decode()


def test_description_is_escaped_when_the_form_comes_back(desk):
    response = desk.post(
        "/workbench/desk/", _call(description="<script>alert(1)</script>", phone="1"), **EN
    )
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)" in page


def test_without_javascript_show_villages_redraws_the_form_and_saves_nothing(desk):
    response = desk.post(
        "/workbench/desk/", _call(village="", township=FENGQIAO, refresh="1"), **EN
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f'<option value="{TIANZHU}">天竺社区居委会</option>' in page
    assert "村口的桥栏杆断了" in page and "field-error" not in page
    assert not Case.objects.exists()


# --- partials --------------------------------------------------------------------------------


def test_proposal_partial_names_the_catalogues_unit(desk, org):
    response = desk.get(f"/workbench/desk/proposal/?category=utilities&village={TIANZHU}", **EN)
    page = response.content.decode()
    assert "<html" not in page and "诸暨市水务集团" in page
    assert '<option value="">As proposed: 诸暨市水务集团</option>' in page


def test_proposal_partial_waits_for_category_and_village(desk):
    page = desk.get("/workbench/desk/proposal/?category=transport", **EN).content.decode()
    assert "Choose a category and a village" in page


def test_proposal_ignores_a_village_that_left_the_chosen_township(desk):
    query = f"category=transport&township={JIYANG}&village={TIANZHU}"
    page = desk.get(f"/workbench/desk/proposal/?{query}", **EN).content.decode()
    assert "As proposed" not in page


def test_villages_partial_lists_the_townships_villages(desk):
    page = desk.get(f"/workbench/places/villages/?township={FENGQIAO}&for=desk", **EN)
    html = page.content.decode()
    assert '<select id="id_village" name="village" required>' in html
    assert "天竺社区居委会" in html and "百树社区居委会" in html and "江东社区" not in html


def test_villages_partial_refuses_a_township_outside_the_users_area(client, users):
    client.force_login(users["outsider"])
    response = client.get(f"/workbench/places/villages/?township={FENGQIAO}")
    assert response.status_code == 404 and "天竺" not in response.content.decode()
    own = client.get(f"/workbench/places/villages/?township={JIYANG}").content.decode()
    assert "江东社区" in own


def test_villages_partial_gives_a_village_cadre_only_their_village(client, users):
    client.force_login(users["cadre"])
    page = client.get(f"/workbench/places/villages/?township={FENGQIAO}").content.decode()
    assert TIANZHU in page and BAISHU not in page and JIANGDONG not in page


def test_villages_partial_is_closed_to_residents(client, users):
    client.force_login(users["resident"])
    assert client.get(f"/workbench/places/villages/?township={FENGQIAO}").status_code == 403


def test_the_desk_asks_for_the_problem_before_the_category(desk):
    page = desk.get("/workbench/desk/", **EN).content.decode()
    assert page.index('id="id_description"') < page.index('name="category"')
