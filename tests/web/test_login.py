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


def _fail_five_times(client, username="cadre"):
    for _ in range(5):
        client.post("/login/", {"username": username, "password": "wrong"})


def test_behind_a_trusted_proxy_one_visitors_failures_do_not_lock_out_the_county(users, settings):
    from django.test import Client

    settings.JICENG_TRUSTED_PROXIES = ("10.0.0.2/32",)
    guesser = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9")
    _fail_five_times(guesser, username="nobody")
    colleague = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.10")
    colleague.post("/login/", {"username": "cadre", "password": "pw"})
    assert "_auth_user_id" in colleague.session
    locked = guesser.post("/login/", {"username": "cadre", "password": "pw"})
    assert "_auth_user_id" not in guesser.session
    assert "throttled" in {e.code for e in locked.context["form"].non_field_errors().as_data()}


def test_a_forged_forwarded_header_does_not_escape_the_lockout(users):
    from django.test import Client

    for n in range(5):
        forger = Client(REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
        forger.post("/login/", {"username": f"guess{n}", "password": "wrong"})
    forger = Client(REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.99")
    forger.post("/login/", {"username": "cadre", "password": "pw"})
    assert "_auth_user_id" not in forger.session


def test_behind_a_tls_proxy_a_form_posted_from_the_public_address_passes_csrf(users, settings):
    from django.test import Client

    settings.ALLOWED_HOSTS = ["12345.example.cn"]
    browser = Client(enforce_csrf_checks=True, HTTP_HOST="12345.example.cn")
    token = browser.get("/login/").cookies["csrftoken"].value
    post = {"username": "cadre", "password": "pw", "csrfmiddlewaretoken": token}
    origin = {"HTTP_ORIGIN": "https://12345.example.cn", "HTTP_X_FORWARDED_PROTO": "https"}
    assert browser.post("/login/", post, **origin).status_code == 403
    settings.CSRF_TRUSTED_ORIGINS = ["https://12345.example.cn"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert browser.post("/login/", post, **origin)["Location"] == "/workbench/"


def test_health_checks_are_not_redirected_to_https(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    login = client.get("/login/")
    assert login.status_code == 301 and login["Location"] == "https://testserver/login/"


def test_every_page_links_to_the_source_of_the_running_code(client, db, settings):
    assert 'href="/source/"' in client.get("/login/").content.decode()
    settings.JICENG_SOURCE_URL = "https://git.example.cn/county/jiceng"
    assert 'href="https://git.example.cn/county/jiceng"' in client.get("/").content.decode()
