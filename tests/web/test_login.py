"""Staff login: works, is rate-limited, and every page carries the security headers."""

import pytest

pytestmark = pytest.mark.django_db


def test_staff_logs_in_and_lands_on_the_workbench(client, users):
    response = client.post("/login/", {"username": "cadre", "password": "pw"})
    assert response.status_code == 302 and response["Location"] == "/workbench/"


def test_wrong_password_is_refused_with_a_message(client, users):
    response = client.post("/login/", {"username": "cadre", "password": "nope"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].errors


def test_login_is_rate_limited_even_for_the_right_password(client, users):
    for _ in range(5):
        client.post("/login/", {"username": "cadre", "password": "wrong"})
    response = client.post("/login/", {"username": "cadre", "password": "pw"})
    assert "_auth_user_id" not in client.session
    assert "throttled" in {e.code for e in response.context["form"].non_field_errors().as_data()}


def test_workbench_redirects_anonymous_visitors_to_login(client, db):
    response = client.get("/workbench/")
    assert response.status_code == 302 and response["Location"].startswith("/login/?next=")


def test_pages_carry_a_strict_content_security_policy(client, db):
    response = client.get("/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"


def test_login_form_requires_csrf(users):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/login/", {"username": "cadre", "password": "pw"})
    assert response.status_code == 403


def test_pages_declare_their_language(client, db, chinese):
    page = client.get("/login/").content.decode()
    assert '<html lang="zh-Hans">' in page
    english = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in english
