"""The dispatcher's intake pages: the quarantine, the category proposal, likely duplicates."""

from __future__ import annotations

import pytest

from jiceng.cases.models import Case, CaseEvent, Channel, EventKind, State

from factories import BAISHU, TIANZHU, submit
from intake_support import (
    BRIDGE,
    BRIDGE_AGAIN,
    SHENGZHOU_VILLAGE,
    SPAM_TEXT,
    demo_training_set,
    other_county_dispatcher,
    write_tiny_model,
)

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
HTMX = {"HTTP_HX_REQUEST": "true", **EN}


@pytest.fixture
def no_model(tmp_path, settings):
    settings.JICENG_CATEGORY_MODEL = str(tmp_path / "none.npz")


@pytest.fixture
def model(tmp_path, settings):
    settings.JICENG_CATEGORY_MODEL = str(write_tiny_model(tmp_path / "model.npz"))


@pytest.fixture
def dispatcher(client, users, monday):
    client.force_login(users["dispatcher"])
    return client


def held(users, description: str = SPAM_TEXT) -> Case:
    return submit(users, description=description, title="", channel=Channel.WEB)


def water_text() -> str:
    samples, labels = demo_training_set(per_category=1, seed=99)
    return samples[labels.index("utilities")]


# --- the quarantine --------------------------------------------------------------------------


def test_the_quarantine_lists_held_requests_with_their_reasons(dispatcher, users, no_model):
    case = held(users)
    page = dispatcher.get("/workbench/desk/quarantine/", **EN).content.decode()
    assert case.number in page and "1 request waits for review" in page
    assert "keyword stuffing" in page and "Spam score" in page
    desk = dispatcher.get("/workbench/desk/", **EN).content.decode()
    assert "Quarantine (1)" in desk and 'hx-get="/workbench/desk/suggest/"' in desk
    assert "no category model has been trained yet" in desk


def test_phone_numbers_in_held_text_are_masked(dispatcher, users):
    case = held(users, description=SPAM_TEXT + " 加我13987654321")
    page = dispatcher.get("/workbench/desk/quarantine/", **EN).content.decode()
    assert case.number in page
    assert "13987654321" not in page and "139****4321" in page


def test_held_text_is_shown_escaped(dispatcher, users):
    held(users, description=SPAM_TEXT + ' <script>alert("x")</script>')
    page = dispatcher.get("/workbench/desk/quarantine/", **EN).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_a_dispatcher_releases_a_held_request_into_the_queue(dispatcher, users):
    case = held(users)
    response = dispatcher.post(f"/workbench/desk/quarantine/{case.number}/release/", **EN)
    assert response.status_code == 302 and response["Location"] == "/workbench/desk/quarantine/"
    case.refresh_from_db()
    assert case.state == State.SUBMITTED and case.resolve_by is not None
    page = dispatcher.get("/workbench/desk/quarantine/", **EN).content.decode()
    assert "released and waits in your queue" in page and "0 requests wait" in page
    queue = dispatcher.get("/workbench/", **EN).content.decode()
    assert case.number in queue


def test_confirmed_spam_stays_in_the_records(dispatcher, users):
    case = held(users)
    dispatcher.post(f"/workbench/desk/quarantine/{case.number}/spam/", **EN)
    case.refresh_from_db()
    assert case.state == State.QUARANTINED and case.closed_at is not None
    page = dispatcher.get("/workbench/desk/quarantine/", **EN).content.decode()
    assert "Recently confirmed as spam" in page and case.number in page
    assert CaseEvent.objects.filter(case=case, kind=EventKind.SPAM).count() == 1


def test_a_dispatcher_of_another_county_cannot_see_or_release_the_quarantine(client, users, monday):
    case = held(users)
    client.force_login(other_county_dispatcher())
    page = client.get("/workbench/desk/quarantine/", **EN).content.decode()
    assert case.number not in page and "0 requests wait" in page
    response = client.post(f"/workbench/desk/quarantine/{case.number}/release/", **EN)
    assert response.status_code == 404
    assert Case.objects.get(pk=case.pk).state == State.QUARANTINED


@pytest.mark.parametrize("who", ["cadre", "township", "leader", "resident"])
def test_only_dispatchers_open_the_quarantine(client, users, monday, who):
    case = held(users)
    client.force_login(users[who])
    assert client.get("/workbench/desk/quarantine/").status_code == 403
    assert client.post(f"/workbench/desk/quarantine/{case.number}/spam/").status_code == 403
    assert Case.objects.get(pk=case.pk).closed_at is None


def test_releasing_needs_the_csrf_token(users, monday):
    from django.test import Client

    case = held(users)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["dispatcher"])
    assert strict.post(f"/workbench/desk/quarantine/{case.number}/release/").status_code == 403
    assert Case.objects.get(pk=case.pk).state == State.QUARANTINED


# --- the category proposal ---------------------------------------------------------------


def test_the_case_page_of_a_submitted_request_loads_the_intake_panel(dispatcher, users):
    case = submit(users)
    page = dispatcher.get(f"/workbench/cases/{case.number}/", **EN).content.decode()
    assert f'hx-get="/workbench/cases/{case.number}/intake/"' in page


def test_without_a_model_the_panel_says_there_is_no_proposal(dispatcher, users, no_model):
    case = submit(users)
    panel = dispatcher.get(f"/workbench/cases/{case.number}/intake/", **HTMX).content.decode()
    assert "no trained category model yet" in panel
    assert "jiceng textmining retrain" in panel


def test_with_a_model_the_panel_proposes_three_categories_and_the_owning_unit(
    dispatcher, users, model
):
    case = submit(users, category="other", description=water_text(), title="")
    panel = dispatcher.get(f"/workbench/cases/{case.number}/intake/", **HTMX).content.decode()
    assert "The model proposes <b>Water, power and gas</b>" in panel
    assert "The catalogue sends it to <b>诸暨市水务集团</b>" in panel
    assert panel.count("<meter") == 3 and "The resident chose Other" in panel
    assert '<option value="utilities" selected>' in panel


def test_confirming_a_corrected_category_dispatches_and_records_the_confirmation(
    dispatcher, users, org, model
):
    case = submit(users, category="other", description=water_text(), title="")
    response = dispatcher.post(
        f"/workbench/cases/{case.number}/intake/dispatch/",
        {"intake-category": "utilities", "intake-unit": ""},
        **HTMX,
    )
    assert response.status_code == 204
    assert response["HX-Redirect"] == f"/workbench/cases/{case.number}/"
    case.refresh_from_db()
    assert (case.state, case.category_id, case.owner_id) == (
        State.DISPATCHED,
        "utilities",
        org["water"].pk,
    )
    data = CaseEvent.objects.get(case=case, kind=EventKind.CLASSIFY).data
    assert data["category_confirmed"] is True and data["category"] == "utilities"
    assert data["previous"] == "other" and data["proposed"] == "utilities"
    assert len(data["top"]) == 3


@pytest.mark.parametrize("headers, status", [(EN, 400), (HTMX, 200)])
def test_a_bad_category_is_named_and_nothing_is_dispatched(
    dispatcher, users, no_model, headers, status
):
    case = submit(users)
    response = dispatcher.post(
        f"/workbench/cases/{case.number}/intake/dispatch/", {"intake-category": "nope"}, **headers
    )
    assert response.status_code == status
    page = response.content.decode()
    assert 'id="id_intake-category-error"' in page and "Select a valid choice" in page
    assert Case.objects.get(pk=case.pk).state == State.SUBMITTED


def test_the_desk_proposes_categories_while_the_dispatcher_types(dispatcher, model):
    response = dispatcher.get(
        "/workbench/desk/suggest/", {"description": water_text(), "village": TIANZHU}, **HTMX
    )
    page = response.content.decode()
    assert 'name="category" value="utilities"' in page
    assert "the catalogue sends it to <b>诸暨市水务集团</b>" in page


def test_the_desk_says_when_there_is_no_model(dispatcher, no_model):
    page = dispatcher.get("/workbench/desk/suggest/", {"description": "停水"}, **HTMX)
    assert "no category model has been trained yet" in page.content.decode()


# --- likely duplicates and the one-click merge ----------------------------------------------


def test_the_panel_lists_a_likely_duplicate_with_a_merge_button(dispatcher, users, no_model):
    first = submit(users, description=BRIDGE, title="")
    submit(users, description="百树社区菜场门口的路灯坏了。", title="", division_code=BAISHU)
    again = submit(users, description=BRIDGE_AGAIN, title="")
    panel = dispatcher.get(f"/workbench/cases/{again.number}/intake/", **HTMX).content.decode()
    assert f'<input type="hidden" name="into" value="{first.number}">' in panel
    assert f"Merge into {first.number}" in panel and "hx-confirm=" in panel
    assert panel.count('name="into"') == 1


def test_one_click_merges_into_the_duplicate(dispatcher, users, no_model):
    first, again = submit(users, description=BRIDGE), submit(users, description=BRIDGE_AGAIN)
    response = dispatcher.post(
        f"/workbench/cases/{again.number}/intake/merge/",
        {"into": first.number, "confirmed": "1"},
        **HTMX,
    )
    assert response.status_code == 204
    again.refresh_from_db()
    assert again.state == State.MERGED and again.merged_into_id == first.pk


def test_without_javascript_a_page_asks_before_merging(dispatcher, users):
    first, again = submit(users, description=BRIDGE), submit(users, description=BRIDGE_AGAIN)
    page = dispatcher.post(
        f"/workbench/cases/{again.number}/intake/merge/", {"into": first.number}, **EN
    ).content.decode()
    assert f"Merge case {again.number} into case {first.number}?" in page
    assert Case.objects.get(pk=again.pk).state == State.SUBMITTED


def test_an_outsider_gets_no_panel_and_cannot_merge(client, users, monday):
    outsider = other_county_dispatcher()
    elsewhere = submit(users, description=BRIDGE, division_code=SHENGZHOU_VILLAGE)
    first, again = submit(users, description=BRIDGE), submit(users, description=BRIDGE_AGAIN)
    client.force_login(outsider)
    assert client.get(f"/workbench/cases/{again.number}/intake/").status_code == 404
    response = client.post(
        f"/workbench/cases/{again.number}/intake/merge/", {"into": first.number, "confirmed": "1"}
    )
    assert response.status_code == 404
    panel = client.get(f"/workbench/cases/{elsewhere.number}/intake/", **HTMX).content.decode()
    assert first.number not in panel and again.number not in panel
    assert Case.objects.get(pk=again.pk).state == State.SUBMITTED


def test_a_phone_request_taken_at_the_desk_records_the_confirmed_category(dispatcher, model):
    call = {
        "category": "utilities",
        "description": water_text(),
        "township": TIANZHU[:9],
        "village": TIANZHU,
        "address": "",
        "phone": "13900001111",
        "name": "",
        "urgency": "normal",
        "mode": "request",
        "answer": "",
        "unit": "",
    }
    response = dispatcher.post("/workbench/desk/", call, **EN)
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.state == State.DISPATCHED
    data = CaseEvent.objects.get(case=case, kind=EventKind.CLASSIFY).data
    assert data["category"] == "utilities" and data["proposed"] == "utilities"
