"""A member of staff's own notice settings: mobile, email and the digests they want."""

from __future__ import annotations

import pytest
from django.test import Client

from jiceng.notices.models import StaffContact

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
URL = "/workbench/account/notices/"


def _form(**overrides):
    data = {"mobile": "", "email": "", "by_sms": "", "by_email": ""}
    data.update(overrides)
    return {name: value for name, value in data.items() if value != ""}


def _post(client, users, who="cadre", **fields):
    client.force_login(users[who])
    return client.post(URL, _form(**fields), **EN)


def _error(response, field):
    html = response.content.decode()
    start = html.index(f'id="id_{field}-error"')
    return html[html.index(">", start) + 1 : html.index("</p>", start)]


def test_a_member_of_staff_saves_mobile_email_and_both_digests(client, users, monday):
    response = _post(
        client,
        users,
        mobile="138 1234-5678",
        email="cadre@example.com",
        by_sms="on",
        by_email="on",
    )
    assert response.status_code == 302 and response["Location"] == URL
    contact = StaffContact.objects.get(user=users["cadre"])
    assert (contact.mobile, contact.by_sms, contact.by_email) == ("13812345678", True, True)
    users["cadre"].refresh_from_db()
    assert users["cadre"].email == "cadre@example.com"
    page = client.get(URL, **EN).content.decode()
    assert "Your notice settings are saved." in page
    assert 'value="13812345678"' in page and 'value="cadre@example.com"' in page
    assert page.count("checked") == 2


def test_changing_the_settings_keeps_one_record(client, users, monday):
    _post(client, users, mobile="13812345678", by_sms="on")
    _post(client, users, mobile="", email="cadre@example.com", by_email="on")
    contact = StaffContact.objects.get(user=users["cadre"])
    assert (contact.mobile, contact.by_sms, contact.by_email) == ("", False, True)


def test_a_mobile_number_that_is_not_one_is_refused_naming_the_field(client, users, monday):
    response = _post(client, users, mobile="0575-87654321", by_sms="on")
    assert response.status_code == 400
    assert _error(response, "mobile") == (
        "Mobile number: enter 11 digits starting with 1, e.g. 13812345678."
    )
    assert 'aria-describedby="id_mobile-error"' in response.content.decode()
    assert not StaffContact.objects.exists()


def test_the_sms_digest_needs_a_mobile_number(client, users, monday):
    response = _post(client, users, by_sms="on")
    assert response.status_code == 400
    assert _error(response, "mobile").startswith("Mobile number: needed for the digest by SMS.")
    assert not StaffContact.objects.exists()


def test_the_email_digest_needs_an_email_address(client, users, monday):
    response = _post(client, users, by_email="on")
    assert response.status_code == 400
    assert _error(response, "email").startswith("Email address: needed for the digest by email.")


def test_an_email_address_that_is_not_one_is_refused_naming_the_field(client, users, monday):
    response = _post(client, users, email="cadre at example")
    assert _error(response, "email") == "Email address: enter it as name@example.com."
    users["cadre"].refresh_from_db()
    assert users["cadre"].email == ""


def test_the_errors_are_in_chinese_for_a_chinese_reader(client, users, monday, chinese):
    client.force_login(users["cadre"])
    response = client.post(URL, _form(mobile="12345"))
    assert _error(response, "mobile") == "手机号码：请输入以 1 开头的 11 位数字，例如 13812345678。"


def test_each_member_of_staff_edits_only_their_own_record(client, users, monday):
    StaffContact.objects.create(user=users["grid_worker"], mobile="13900001111", by_sms=True)
    page = _post(client, users, "cadre", user="grid", mobile="13812345678").content
    assert page == b""
    grid = StaffContact.objects.get(user=users["grid_worker"])
    assert (grid.mobile, grid.by_sms) == ("13900001111", True)
    assert StaffContact.objects.get(user=users["cadre"]).mobile == "13812345678"
    own = client.get(URL, **EN).content.decode()
    assert "13900001111" not in own


def test_leaders_and_dispatchers_have_settings_too_residents_do_not(client, users, monday):
    for who in ("leader", "dispatcher"):
        response = _post(client, users, who, email=f"{who}@example.com", by_email="on")
        assert response.status_code == 302
    assert StaffContact.objects.count() == 2
    client.force_login(users["resident"])
    assert client.get(URL).status_code == 403
    client.logout()
    assert client.get(URL)["Location"].startswith("/login/")


def test_saving_needs_the_csrf_token(users, monday):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["cadre"])
    assert strict.post(URL, _form(mobile="13812345678")).status_code == 403
    assert not StaffContact.objects.exists()


def test_the_page_reads_nothing_it_would_write(client, users, monday):
    client.force_login(users["cadre"])
    page = client.get(URL, **EN).content.decode()
    assert "Digest by SMS" in page and "Mobile number" in page
    assert not StaffContact.objects.exists()
